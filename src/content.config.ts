/**
 * The one schema file. Every field a page can carry is declared and documented here; a page that
 * breaks a rule fails the build with its file, the field and the reason in plain Vietnamese.
 *
 * Issuers, topics and localities are read from the YAML lists in `content/data/` (through
 * `src/lib/content/taxonomy-fs.ts`) so a typo is an error listing the valid ids, never a new category.
 * The field schemas (partial dates, codes, terms, sources) are in `src/lib/content/fields.ts`, pure
 * and tested on their own; this file assembles them into collections.
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPE_SLUGS,
  DOCUMENT_TYPES,
  EVENT_KINDS,
  RELATION_KINDS,
  typesForAbbreviation,
} from './lib/content/document-types.ts';
import {
  codeChoices,
  documentCodeField,
  partialDate,
  partyTerm,
  source,
  taxonomyTerm,
} from './lib/content/fields.ts';
import { contentDir, DATA_DIR, DATA_FILES, DOCUMENTS_DIR, NEWS_DIR } from './lib/content/paths.ts';
import { readTaxonomies } from './lib/content/taxonomy-fs.ts';
import { parseCode } from './lib/graph/code-parser.ts';
import { contentPages } from './loaders/content-pages.ts';

const root = contentDir();
const taxonomies = readTaxonomies(root);

const issuerId = taxonomyTerm(taxonomies.issuers, 'Cơ quan ban hành', DATA_FILES.issuers);
const topicId = taxonomyTerm(taxonomies.topics, 'Chủ đề', DATA_FILES.topics);
const localityId = taxonomyTerm(taxonomies.localities, 'Địa phương', DATA_FILES.localities);
const documentCode = documentCodeField(parseCode);

// contentPages: glob() for `.mdx`, except that a page using nothing of MDX is rendered once by the
// content layer and cached, instead of compiled into a module of its own (docs/build.md).
const documents = defineCollection({
  loader: contentPages({ base: `${root}/${DOCUMENTS_DIR}`, label: 'văn bản' }),
  schema: z
    .object({
      /** Số hiệu: `21-NQ/TW`, `865-QĐ/TU`, `73/2023/NĐ-CP`. With `date` it identifies the document. */
      code: documentCode,
      /** Loại văn bản. Its own field because Quy định and Quyết định share the code letters QĐ. */
      type: z.enum(DOCUMENT_TYPE_SLUGS, {
        error: `Loại văn bản phải là một trong: ${DOCUMENT_TYPE_SLUGS.join(', ')}.`,
      }),
      /** Trích yếu: the official title, without the type word ("Về tăng cường củng cố…"). */
      title: z.string().min(1, 'Thiếu trích yếu (title).'),
      /** Cơ quan ban hành: an id from content/data/co-quan.yaml. */
      issuer: issuerId,
      /** Ngày ban hành. Partial when a source gives only the year or month. */
      date: partialDate,
      /** Người ký, when a source names them. */
      signer: z
        .object({
          /** Full name: "Nguyễn Phú Trọng". */
          name: z.string().min(1),
          /** Role when signing: "Tổng Bí thư", "T/M Ban Chấp hành Trung ương". */
          role: z.string().optional(),
        })
        .optional(),
      /** Khóa (term of the Central Committee or local committee), in Roman numerals: "XIII". */
      term: partyTerm.optional(),
      /** Tình trạng hiệu lực. "chua-ro" when no source says. */
      status: z.enum(Object.keys(DOCUMENT_STATUSES) as [keyof typeof DOCUMENT_STATUSES]).default('chua-ro'),
      /** Chủ đề: ids from content/data/chu-de.yaml. */
      topics: z.array(topicId).default([]),
      /** Địa phương, for a document of a local Party committee: an id from dia-phuong.yaml. */
      locality: localityId.optional(),
      /**
       * Relations this document has to others, each naming the other document by code and date.
       * The inverse (bị thay thế, được hướng dẫn…) is shown on the other page automatically.
       */
      relations: z
        .array(
          z.object({
            /** can-cu | thay-the | sua-doi | huong-dan | thuc-hien | tong-ket (see RELATION_KINDS). */
            kind: z.enum(Object.keys(RELATION_KINDS) as [keyof typeof RELATION_KINDS]),
            /** Số hiệu of the other document. */
            code: documentCode,
            /** Ngày ban hành of the other document (codes repeat across terms). */
            date: partialDate,
            /** Optional note shown next to the relation. */
            note: z.string().optional(),
            /** Source that states this relation, if it is not among the page's sources. */
            source: z.url().optional(),
          }),
        )
        .default([]),
      /** Sources of every fact on the page. At least one. */
      sources: z.array(source).min(1, 'Cần ít nhất một nguồn (sources) cho mọi thông tin trên trang.'),
      /** One or two sentences shown in listings, search results and the page's description. */
      summary: z.string().min(1, 'Thiếu tóm tắt ngắn (summary).'),
      /** Shown among the key documents on the home page. */
      featured: z.boolean().default(false),
      /** When the page was last revised; otherwise the date of its last git commit is shown. */
      updated: partialDate.optional(),
      /** Explicit choices for codes shared by several documents. */
      codeChoices,
      /**
       * Bản nháp: shown by `npm run dev` with a "Bản nháp" mark, left out of `npm run build` (no
       * page, listing, feed, sitemap or search entry, and no link to it from published pages).
       */
      draft: z.boolean().default(false),
    })
    .superRefine((doc, ctx) => {
      // The code's letters must fit the type: "21-NQ/TW" cannot be a Chỉ thị.
      const code = parseCode(doc.code);
      if (code && !typesForAbbreviation(code.abbr).includes(doc.type)) {
        ctx.addIssue({
          code: 'custom',
          path: ['type'],
          message: `Số hiệu ${doc.code} có ký hiệu ${code.abbr}, không khớp loại "${DOCUMENT_TYPES[doc.type].label}".`,
        });
      }
    }),
});

const news = defineCollection({
  loader: contentPages({ base: `${root}/${NEWS_DIR}`, label: 'tin' }),
  schema: z.object({
    /** Headline, in our own words. */
    title: z.string().min(1),
    /** When the event took place. */
    eventDate: partialDate,
    /** When the source article was published. */
    publishedDate: partialDate.optional(),
    /** Outlet of the original report ("TTXVN", "Báo Quảng Ngãi"). */
    outlet: z.string().min(1),
    /** Author or byline of the original report, if given. */
    author: z.string().optional(),
    /** Where the event took place: an id from dia-phuong.yaml (an earlier name is fine). */
    locality: localityId.optional(),
    /** Loại sự kiện. */
    eventKind: z.enum(Object.keys(EVENT_KINDS) as [keyof typeof EVENT_KINDS]),
    /** Chủ đề: ids from content/data/chu-de.yaml. */
    topics: z.array(topicId).default([]),
    /** Sources of every fact on the page. At least one. */
    sources: z.array(source).min(1, 'Cần ít nhất một nguồn (sources) cho mọi thông tin trên trang.'),
    /** One or two sentences shown in listings, search results and the feed. */
    summary: z.string().min(1, 'Thiếu tóm tắt ngắn (summary).'),
    /** When the page was last revised; otherwise the date of its last git commit is shown. */
    updated: partialDate.optional(),
    /** Explicit choices for codes shared by several documents. */
    codeChoices,
    /**
     * Bản nháp: shown by `npm run dev` with a "Bản nháp" mark, left out of `npm run build` (no
     * page, listing, feed, sitemap or search entry, and no link to it from published pages).
     */
    draft: z.boolean().default(false),
  }),
});

const issuers = defineCollection({
  loader: file(`${root}/${DATA_DIR}/${DATA_FILES.issuers}`),
  schema: z.object({
    /** Tên cơ quan. */
    label: z.string(),
    /** trung-uong | dia-phuong | nha-nuoc. */
    level: z.enum(['trung-uong', 'dia-phuong', 'nha-nuoc']),
    /** For a local Party committee: its locality id. */
    locality: z.string().optional(),
  }),
});

const topics = defineCollection({
  loader: file(`${root}/${DATA_DIR}/${DATA_FILES.topics}`),
  schema: z.object({
    /** Tên chủ đề. */
    label: z.string(),
    /** One-line description shown on the topic page. */
    description: z.string().optional(),
  }),
});

const localities = defineCollection({
  loader: file(`${root}/${DATA_DIR}/${DATA_FILES.localities}`),
  schema: z.object({
    /** Tên tỉnh, thành phố. */
    label: z.string(),
    /** tinh | thanh-pho. */
    kind: z.enum(['tinh', 'thanh-pho']),
    /** hien-hanh (one of the 34 units from 01/07/2025) | truoc-sap-xep (an earlier name). */
    status: z.enum(['hien-hanh', 'truoc-sap-xep']),
    /** For an earlier unit: the id of the unit it now belongs to. */
    mergedInto: z.string().optional(),
    /** For a current unit: ids of the earlier units merged into it. */
    absorbed: z.array(z.string()).default([]),
  }),
});

export const collections = { documents, news, issuers, topics, localities };
