/**
 * Decides a file's content type from its bytes (file-type), never from its name. Executables are refused.
 * Text is recognised only when the bytes are valid UTF-8 without binary control characters.
 */
import { fileTypeFromBuffer } from 'file-type';

/** Sniffed types (file-type ext or mime) that run as programs: refused as evidence. */
const EXECUTABLE_EXTS = new Set(['exe', 'elf', 'macho', 'msi', 'apk', 'dmg', 'deb', 'rpm', 'class', 'jar', 'wasm', 'swf', 'dex', 'lnk', 'cab', 'xpi', 'crx']);
const EXECUTABLE_MIMES = new Set([
  'application/x-msdownload',
  'application/vnd.microsoft.portable-executable',
  'application/x-elf',
  'application/x-executable',
  'application/x-sharedlib',
  'application/x-mach-binary',
  'application/x-msi',
  'application/x-ms-installer',
  'application/vnd.android.package-archive',
  'application/x-apple-diskimage',
  'application/x-deb',
  'application/x-rpm',
  'application/java-vm',
  'application/java-archive',
  'application/wasm',
  'application/x-shockwave-flash',
]);

export type Sniffed = { ok: true; contentType: string } | { ok: false; reason: 'executable' | 'script'; detected: string };

/** Tracks whether a stream of bytes is UTF-8 text, chunk by chunk. */
export class TextDetector {
  private decoder = new TextDecoder('utf-8', { fatal: true });
  private text = true;

  push(chunk: Uint8Array): void {
    if (!this.text) return;
    try {
      const s = this.decoder.decode(chunk, { stream: true });
      // Binary control characters (other than tab, newline, form feed, carriage return, escape) mean not text.
      if (/[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/.test(s)) this.text = false;
    } catch {
      this.text = false;
    }
  }

  end(): boolean {
    if (!this.text) return false;
    try {
      this.decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}

/** `head` is the first bytes of the file (at least 4100 when the file is that long); `isText` from TextDetector. */
export async function sniffContentType(head: Uint8Array, isText: boolean): Promise<Sniffed> {
  const ft = await fileTypeFromBuffer(head);
  if (ft) {
    if (EXECUTABLE_EXTS.has(ft.ext) || EXECUTABLE_MIMES.has(ft.mime)) return { ok: false, reason: 'executable', detected: ft.mime };
    return { ok: true, contentType: ft.mime };
  }
  if (isText) {
    if (head[0] === 0x23 && head[1] === 0x21) return { ok: false, reason: 'script', detected: 'text/x-script' };
    return { ok: true, contentType: 'text/plain' };
  }
  return { ok: true, contentType: 'application/octet-stream' };
}
