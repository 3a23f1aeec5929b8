/// <reference types="vite/client" />
declare module 'virtual:writ/facts-schema' {
  const schema: Record<string, unknown>;
  export default schema;
}
