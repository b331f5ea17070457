/**
 * Words and phrases the benchmark corpus is written from: the register of Party-building summaries
 * (nghị quyết, kết luận, tin hội nghị), so the search index sees a realistic Vietnamese vocabulary.
 * Nothing here states a fact about a real document; titles and sentences are recombined at random.
 */

/** Subjects of a title ("Về …"). */
export const TITLE_SUBJECTS = [
  'tăng cường củng cố, xây dựng tổ chức cơ sở đảng',
  'nâng cao chất lượng đội ngũ đảng viên',
  'đổi mới phương thức lãnh đạo của Đảng',
  'công tác quy hoạch, luân chuyển cán bộ',
  'tinh gọn tổ chức bộ máy của hệ thống chính trị',
  'công tác kiểm tra, giám sát và kỷ luật đảng',
  'thi hành Điều lệ Đảng',
  'công tác dân số trong tình hình mới',
  'đổi mới hệ thống tổ chức và quản lý các đơn vị sự nghiệp công lập',
  'công tác đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên',
  'xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược',
  'ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống',
  'công tác phát triển đảng viên trong doanh nghiệp ngoài khu vực nhà nước',
  'nâng cao chất lượng sinh hoạt chi bộ',
  'công tác bảo vệ chính trị nội bộ',
  'kiểm soát quyền lực trong công tác cán bộ',
  'công tác tuyên truyền, học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'sắp xếp đơn vị hành chính cấp huyện, cấp xã',
  'chế độ, chính sách đối với cán bộ không chuyên trách ở cơ sở',
  'công tác thi đua, khen thưởng trong Đảng',
  'chuyển đổi số trong các cơ quan đảng',
  'công tác lưu trữ hồ sơ đảng viên',
  'thực hiện dân chủ ở cơ sở',
  'công tác dân vận của hệ thống chính trị',
  'tổ chức đại hội đảng bộ các cấp',
];

/** Openings of a title, after the type word. */
export const TITLE_OPENINGS = [
  'Về',
  'Về việc',
  'Về tiếp tục',
  'Về đẩy mạnh',
  'Hướng dẫn thực hiện',
  'Triển khai thực hiện',
  'Ban hành quy chế về',
  'Sơ kết, đánh giá',
];

/** News headline patterns; `{noi}` is a place, `{chu_de}` a subject. */
export const HEADLINES = [
  'Hội nghị tổng kết công tác xây dựng Đảng năm {nam} tại {noi}',
  '{noi} sơ kết việc thực hiện {van_ban}',
  'Quán triệt, triển khai {van_ban} tại {noi}',
  'Giao ban công tác tổ chức xây dựng Đảng khu vực {vung}',
  '{noi}: nâng cao chất lượng sinh hoạt chi bộ',
  'Hội nghị chuyên đề về {chu_de}',
  '{noi} trao Huy hiệu Đảng cho đảng viên lão thành',
  'Tổng kết {nam_tong_ket} năm thực hiện {van_ban}',
  'Bồi dưỡng nghiệp vụ công tác đảng cho cấp ủy cơ sở tại {noi}',
  '{noi} rà soát, sắp xếp tổ chức bộ máy sau hợp nhất',
];

/** Regions named in news headlines. */
export const REGIONS = [
  'miền núi phía Bắc',
  'đồng bằng sông Hồng',
  'Bắc Trung Bộ',
  'duyên hải Nam Trung Bộ',
  'Tây Nguyên',
  'Đông Nam Bộ',
  'đồng bằng sông Cửu Long',
];

/** Section headings of a document summary. */
export const DOCUMENT_SECTIONS = [
  'Bối cảnh ban hành',
  'Mục tiêu',
  'Quan điểm chỉ đạo',
  'Nhiệm vụ, giải pháp chủ yếu',
  'Phạm vi và đối tượng áp dụng',
  'Những điểm mới',
  'Kết quả thực hiện',
  'Tổ chức thực hiện',
  'Trách nhiệm của cấp ủy, tổ chức đảng',
  'Hiệu lực thi hành',
];

/** Sub-section headings. */
export const SUB_SECTIONS = [
  'Về công tác chính trị, tư tưởng',
  'Về công tác tổ chức, cán bộ',
  'Về kiểm tra, giám sát',
  'Về công tác dân vận',
  'Đối với cấp ủy cơ sở',
  'Đối với đảng viên',
];

/** Section headings of a news page. */
export const NEWS_SECTIONS = [
  'Kết quả nổi bật',
  'Những hạn chế',
  'Nhiệm vụ thời gian tới',
  'Ý kiến tham luận',
  'Chỉ đạo của đồng chí chủ trì',
];

/** Sentences; slots: {noi} place, {so} number, {ty_le} percent, {nam} year, {nguoi} person, {chu_de} subject. */
export const SENTENCES = [
  'Các cấp ủy, tổ chức đảng đã quán triệt sâu sắc quan điểm, mục tiêu và nhiệm vụ đề ra.',
  'Việc thực hiện nội dung về {chu_de} có chuyển biến rõ nét, được nhân dân đồng tình.',
  'Toàn tỉnh {noi} đã kết nạp {so} đảng viên mới, đạt {ty_le} chỉ tiêu nghị quyết đề ra.',
  'Tỷ lệ tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên đạt {ty_le}.',
  'Việc sắp xếp, kiện toàn tổ chức bộ máy được thực hiện đồng bộ, bảo đảm đúng lộ trình.',
  'Cấp ủy các cấp chú trọng đổi mới nội dung, hình thức sinh hoạt chi bộ theo hướng thiết thực.',
  'Năm {nam}, các cấp ủy đã kiểm tra {so} tổ chức đảng và giám sát chuyên đề {so2} đảng viên.',
  'Đồng chí {nguoi} nhấn mạnh yêu cầu nêu cao tinh thần trách nhiệm, nói đi đôi với làm.',
  'Hội nghị thống nhất cao về những kết quả đạt được và những hạn chế cần khắc phục.',
  'Một số chi bộ sinh hoạt còn hình thức, chưa gắn với việc thực hiện nhiệm vụ chính trị.',
  'Chất lượng đánh giá, xếp loại đảng viên ở một số nơi chưa phản ánh đúng thực chất.',
  'Công tác quy hoạch cán bộ được thực hiện theo hướng động và mở, gắn với đào tạo, bồi dưỡng.',
  'Các địa phương cần tập trung rà soát, bổ sung quy chế làm việc sau khi sắp xếp tổ chức.',
  'Đội ngũ cán bộ chủ chốt cấp cơ sở từng bước được trẻ hóa, chuẩn hóa về trình độ.',
  'Việc thực hiện chế độ, chính sách đối với cán bộ dôi dư được bảo đảm công khai, minh bạch.',
  'Ban Thường vụ đã ban hành {so} văn bản lãnh đạo, chỉ đạo để cụ thể hóa các nội dung.',
  'Cần tiếp tục đẩy mạnh ứng dụng công nghệ thông tin trong quản lý hồ sơ đảng viên.',
  'Công tác phát triển đảng viên trong khu vực doanh nghiệp tư nhân còn gặp nhiều khó khăn.',
  'Công tác thông tin, tuyên truyền được triển khai kịp thời, tạo sự đồng thuận trong xã hội.',
  'Kết quả khảo sát cho thấy {ty_le} đảng viên tham gia sinh hoạt chi bộ đầy đủ, đúng quy định.',
  'Nhiều mô hình hay, cách làm hiệu quả được nhân rộng trên địa bàn {noi}.',
  'Công tác kiểm tra, giám sát được tiến hành thường xuyên, có trọng tâm, trọng điểm.',
  'Đã thi hành kỷ luật {so} đảng viên vi phạm, trong đó có {so2} trường hợp khai trừ ra khỏi Đảng.',
  'Việc lấy phiếu tín nhiệm đối với cán bộ giữ chức vụ lãnh đạo được thực hiện nghiêm túc.',
  'Người đứng đầu cấp ủy phải trực tiếp chỉ đạo và chịu trách nhiệm về kết quả thực hiện.',
  'Các ban xây dựng Đảng tham mưu kịp thời, có chất lượng cho cấp ủy cùng cấp.',
  'Công tác bảo vệ chính trị nội bộ được quan tâm, không để xảy ra tình trạng phức tạp.',
  'Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tham gia góp ý xây dựng Đảng tích cực.',
  'Đến hết năm {nam}, toàn Đảng bộ có {so} tổ chức cơ sở đảng với hơn {so2} đảng viên.',
  'Quy trình giới thiệu, bầu cử được thực hiện chặt chẽ, đúng nguyên tắc tập trung dân chủ.',
  'Việc học tập, quán triệt được tổ chức đến tận chi bộ, bảo đảm thời gian và chất lượng.',
  'Cấp ủy cần chủ động nắm tình hình tư tưởng của cán bộ, đảng viên, nhất là khi sắp xếp bộ máy.',
];

/** Bullet items for lists. */
export const BULLETS = [
  'Nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng',
  'Đổi mới nội dung, phương thức sinh hoạt chi bộ',
  'Tăng cường công tác kiểm tra, giám sát việc chấp hành Điều lệ Đảng',
  'Rà soát, bổ sung quy hoạch cán bộ các cấp',
  'Thực hiện nghiêm nguyên tắc tập trung dân chủ',
  'Đẩy mạnh chuyển đổi số trong quản lý đảng viên',
  'Kiện toàn đội ngũ cấp ủy viên cơ sở',
  'Bảo đảm chế độ, chính sách đối với cán bộ dôi dư',
  'Phát huy vai trò nêu gương của cán bộ, đảng viên',
  'Tổ chức sơ kết, tổng kết đúng thời gian quy định',
  'Làm tốt công tác phát triển đảng viên ở thôn, tổ dân phố chưa có đảng viên',
  'Tăng cường phối hợp giữa các ban xây dựng Đảng',
];

/** Rows of result tables: indicator names. */
export const INDICATORS = [
  'Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ',
  'Đảng viên hoàn thành tốt nhiệm vụ',
  'Đảng viên mới được kết nạp',
  'Chi bộ sinh hoạt chuyên đề hằng quý',
  'Cán bộ được luân chuyển',
  'Cuộc kiểm tra, giám sát',
  'Đảng viên bị thi hành kỷ luật',
  'Thôn, tổ dân phố có chi bộ',
];

/** Family names, middle names and given names for synthetic signers and speakers. */
export const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
];
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Xuân', 'Hồng'];
export const GIVEN_NAMES = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hùng',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thảo',
  'Trung',
  'Tuấn',
  'Vinh',
];

/** Roles of signers. */
export const SIGNER_ROLES = [
  'T/M Ban Chấp hành',
  'T/M Ban Thường vụ',
  'K/T Bí thư, Phó Bí thư',
  'Trưởng ban',
  'Phó Trưởng ban',
];

/**
 * Outlets of the synthetic sources. Deliberately fictional (".example" addresses): the corpus is for
 * measuring, never for reading.
 */
export const OUTLETS = [
  { name: 'Báo Thử Nghiệm', host: 'bao-thu-nghiem.example' },
  { name: 'Cổng thông tin Thử Nghiệm', host: 'cong-thu-nghiem.example' },
  { name: 'Tạp chí Mẫu', host: 'tap-chi-mau.example' },
  { name: 'Thông tấn Thử Nghiệm', host: 'thong-tan-thu-nghiem.example' },
];

/**
 * Parts of composed sentences (actor + action + subject + complement), so the corpus has the
 * varied wording of real summaries rather than a few repeated sentences.
 */
export const ACTORS = [
  'Ban Thường vụ Tỉnh ủy',
  'Ban Tổ chức Thành ủy',
  'Ủy ban Kiểm tra Huyện ủy',
  'Đảng ủy xã {xa}',
  'Chi bộ thôn {xa}',
  'Đảng ủy Khối các cơ quan tỉnh',
  'Đảng đoàn Hội Nông dân',
  'Ban Cán sự đảng Ủy ban nhân dân tỉnh',
  'Đảng ủy Quân sự tỉnh',
  'Đảng ủy Công an tỉnh',
  'Ban Dân vận Tỉnh ủy',
  'Ban Tuyên giáo Huyện ủy',
  'Trường Chính trị tỉnh',
  'Đảng ủy phường {xa}',
  'Đảng bộ Tổng công ty',
];
export const ACTIONS = [
  'đã chỉ đạo thực hiện',
  'tập trung lãnh đạo',
  'chủ động tham mưu về',
  'kịp thời ban hành văn bản hướng dẫn',
  'tổ chức kiểm tra việc',
  'thường xuyên đôn đốc',
  'phối hợp chặt chẽ trong',
  'đẩy mạnh',
  'tăng cường giám sát việc',
  'rà soát, đánh giá',
  'sơ kết, rút kinh nghiệm về',
  'xây dựng kế hoạch cụ thể cho',
  'bố trí kinh phí cho',
  'bồi dưỡng kỹ năng về',
  'phát động phong trào thi đua gắn với',
];
export const COMPLEMENTS = [
  'bảo đảm đúng quy trình, thủ tục',
  'gắn với nhiệm vụ phát triển kinh tế - xã hội của địa phương',
  'trong nhiệm kỳ {nhiem_ky}',
  'ở vùng đồng bào {dan_toc}',
  'tại các xã biên giới, hải đảo',
  'theo tinh thần nghị quyết đại hội',
  'với nhiều cách làm sáng tạo',
  'song còn một số hạn chế, bất cập',
  'nhằm nâng cao hiệu lực, hiệu quả hoạt động',
  'và có sự chuyển biến tích cực',
  'trên tinh thần đoàn kết, dân chủ, kỷ cương',
  'đạt và vượt kế hoạch đề ra',
  'từ tỉnh đến cơ sở',
  'trong khu vực hành chính sự nghiệp',
  'sát với thực tiễn ở xã {xa}',
];

/** Ethnic groups named in sentences about local Party cells. */
export const ETHNIC_GROUPS = [
  'Tày',
  'Thái',
  'Mường',
  'Khmer',
  'Mông',
  'Dao',
  'Gia Rai',
  'Ê Đê',
  'Ba Na',
  'Xơ Đăng',
  'Sán Chay',
  'Cơ Ho',
  'Chăm',
  'Sán Dìu',
  'Hrê',
  'Mnông',
  'Raglay',
  'Xtiêng',
  'Bru - Vân Kiều',
  'Thổ',
  'Giáy',
  'Cơ Tu',
  'Giẻ Triêng',
  'Mạ',
  'Khơ Mú',
  'Co',
  'Tà Ôi',
  'Chơ Ro',
  'Kháng',
  'Xinh Mun',
  'Hà Nhì',
  'Chu Ru',
  'Lào',
  'La Chí',
  'La Ha',
  'Phù Lá',
  'La Hủ',
  'Lự',
  'Lô Lô',
  'Chứt',
  'Mảng',
  'Pà Thẻn',
  'Cơ Lao',
  'Cống',
  'Bố Y',
  'Si La',
  'Pu Péo',
  'Brâu',
  'Ơ Đu',
  'Rơ Măm',
];

/** Syllables that make up the (synthetic) names of communes and wards. */
export const PLACE_SYLLABLES = [
  'Tân',
  'Phú',
  'An',
  'Bình',
  'Hòa',
  'Thạnh',
  'Long',
  'Mỹ',
  'Phước',
  'Thuận',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Trung',
  'Hưng',
  'Thịnh',
  'Quang',
  'Minh',
  'Lộc',
  'Thọ',
  'Xuân',
  'Hạ',
  'Thượng',
  'Cẩm',
  'Kim',
  'Ngọc',
  'Sơn',
  'Hải',
  'Giang',
  'Khê',
  'Lâm',
  'Điền',
  'Yên',
  'Vĩnh',
  'Đức',
  'Nghĩa',
  'Lợi',
  'Thắng',
  'Lạc',
  'Tiến',
  'Phong',
  'Hiệp',
  'Hội',
  'Châu',
  'Thủy',
  'Cát',
  'Tường',
  'Khánh',
  'Định',
  'Gia',
  'Bảo',
  'Sa',
  'Pha',
  'Mường',
  'Nậm',
  'Chiềng',
  'Ia',
  'Đắk',
  'Krông',
  'Cư',
  'Ea',
];
