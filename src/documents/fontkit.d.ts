// fontkit (a dependency of pdfkit) ships no type declarations; Writ only creates fonts with it.
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): { layout: (...args: unknown[]) => unknown };
}
