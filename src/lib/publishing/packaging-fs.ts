/**
 * Turns a built site folder into a release package in `release/`:
 *
 *     release/so-tay-0.1.0-20310501.tar.gz             the package (layout: see release.ts)
 *     release/so-tay-0.1.0-20310501.manifest.json      its manifest, readable without unpacking
 *     release/so-tay-0.1.0-20310501.tar.gz.sig         its signature, when SIGNING_KEY is set (signing-fs.ts)
 *     release/SHA256SUMS                               checksums of every package and manifest there
 *
 * Every file in the package is 0644 and every folder 0755, whatever the build left: deploy refuses
 * setuid, setgid, sticky and group- or world-writable entries.
 * Everything is staged in a temporary folder inside `release/` and renamed into place, so an
 * interrupted run never leaves a half-written package under its final name.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import writeFileAtomic from 'write-file-atomic';
import {
  archiveNameFor,
  checksumTree,
  formatChecksums,
  listFiles,
  mergeChecksums,
  parseChecksums,
  type ReleaseManifest,
  releaseIdFor,
  sha256File,
} from './release-fs.ts';
import {
  renderApacheConfig,
  renderHtaccess,
  renderNginxConfig,
  renderWebConfig,
  type ServerConfigOptions,
  siteFolder,
} from './server-config.ts';
import { signatureFileFor, signFile } from './signing-fs.ts';
import type { SiteLocation } from './site-config.ts';

/** The commit a checkout is at, and whether it has uncommitted changes; nulls outside git. */
export function gitState(cwd: string): { commit: string | null; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { commit, dirty: status.trim() !== '' };
  } catch {
    return { commit: null, dirty: false };
  }
}

/** Options of {@link createPackage}. */
export interface PackageOptions {
  /** The built site (Astro's output folder). */
  distDir: string;
  /** Where packages go (`release/`). */
  outDir: string;
  /** Package name and version, from package.json. */
  name: string;
  version: string;
  /** From {@link gitState}. */
  commit: string | null;
  dirty: boolean;
  /** Build time. */
  builtAt: Date;
  /** The site location the build was made for. */
  location: SiteLocation;
  /** Install folder on the server, written into the server configurations. */
  installDir: string;
  /** Private key to sign the package with (`ssh-keygen -Y sign`), or none. */
  signingKey?: string | null;
}

/** What {@link createPackage} wrote. */
export interface PackageResult {
  manifest: ReleaseManifest;
  /** Absolute path of the `.tar.gz`. */
  archive: string;
  /** Its size in bytes. */
  archiveBytes: number;
  /** Its SHA-256. */
  sha256: string;
  /** Absolute paths of the manifest copy and the checksum list. */
  manifestFile: string;
  checksumsFile: string;
  /** Absolute path of the signature, or null when the package is not signed. */
  signatureFile: string | null;
}

/** Sets 0644 on every file and 0755 on every folder under `dir` (and `dir` itself). */
function normaliseModes(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) normaliseModes(full);
    else fs.chmodSync(full, 0o644);
  }
}

/** Writes a package from a built site. */
export async function createPackage(options: PackageOptions): Promise<PackageResult> {
  const { distDir, outDir, name, version, commit, dirty, builtAt, location, installDir, signingKey } =
    options;
  if (!fs.existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`${distDir} không có index.html: hãy build trang trước (npm run build).`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const releaseId = releaseIdFor(builtAt, version, commit);
  const staging = fs.mkdtempSync(path.join(outDir, '.staging-'));
  const archiveName = archiveNameFor(name, version, builtAt);
  const archive = path.resolve(outDir, archiveName);
  const tempArchive = path.join(outDir, `.${archiveName}.${process.pid}.tmp`);
  try {
    const releaseDir = path.join(staging, releaseId);
    const siteDir = path.join(releaseDir, siteFolder(location.base));
    fs.cpSync(distDir, siteDir, { recursive: true });

    const siteFiles = listFiles(siteDir);
    const manifest: ReleaseManifest = {
      name,
      version,
      releaseId,
      commit,
      dirty,
      builtAt: builtAt.toISOString(),
      pageCount: siteFiles.filter((f) => f.endsWith('.html')).length,
      site: location.site,
      basePath: location.base,
      installDir,
      // release.json, .htaccess and web.config are added below.
      fileCount: siteFiles.length + 3,
      siteBytes: siteFiles.reduce((sum, f) => sum + fs.statSync(path.join(siteDir, f)).size, 0),
    };
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    const config: ServerConfigOptions = { base: location.base, installDir, releaseId };
    fs.writeFileSync(path.join(releaseDir, 'manifest.json'), manifestText);
    // Served as <base>release.json, so anyone can see which release is live.
    fs.writeFileSync(path.join(siteDir, 'release.json'), manifestText);
    fs.writeFileSync(path.join(siteDir, '.htaccess'), renderHtaccess(config));
    fs.writeFileSync(path.join(siteDir, 'web.config'), renderWebConfig(config));
    fs.mkdirSync(path.join(releaseDir, 'server'));
    fs.writeFileSync(path.join(releaseDir, 'server', 'nginx.conf'), renderNginxConfig(config));
    fs.writeFileSync(path.join(releaseDir, 'server', 'apache.conf'), renderApacheConfig(config));
    fs.writeFileSync(
      path.join(releaseDir, 'SHA256SUMS'),
      formatChecksums(await checksumTree(releaseDir, ['SHA256SUMS'])),
    );

    // The build machine's umask (or a stray setuid bit) must not reach the server.
    normaliseModes(releaseDir);

    // portable: no user or group names from the build machine in the archive.
    await tar.c({ gzip: true, cwd: staging, file: tempArchive, portable: true }, [releaseId]);
    const signatureFile = signatureFileFor(archive);
    if (signingKey) {
      fs.renameSync(signFile(tempArchive, signingKey), signatureFile);
    } else {
      // A signature left from an earlier package of the same name would not match this one.
      fs.rmSync(signatureFile, { force: true });
    }
    fs.renameSync(tempArchive, archive);

    const manifestFile = archive.replace(/\.tar\.gz$/, '.manifest.json');
    writeFileAtomic.sync(manifestFile, manifestText);

    const checksumsFile = path.join(outDir, 'SHA256SUMS');
    const existing = fs.existsSync(checksumsFile)
      ? parseChecksums(fs.readFileSync(checksumsFile, 'utf8'), checksumsFile)
      : [];
    const sha256 = await sha256File(archive);
    const entries = mergeChecksums(
      existing.filter((e) => fs.existsSync(path.join(outDir, e.file))),
      [
        { file: archiveName, sha256 },
        { file: path.basename(manifestFile), sha256: await sha256File(manifestFile) },
        ...(signingKey
          ? [{ file: path.basename(signatureFile), sha256: await sha256File(signatureFile) }]
          : []),
      ],
    );
    writeFileAtomic.sync(checksumsFile, formatChecksums(entries));
    return {
      manifest,
      archive,
      archiveBytes: fs.statSync(archive).size,
      sha256,
      manifestFile,
      checksumsFile,
      signatureFile: signingKey ? signatureFile : null,
    };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(tempArchive, { force: true });
    fs.rmSync(signatureFileFor(tempArchive), { force: true });
  }
}
