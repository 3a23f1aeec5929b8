/**
 * How a facts field reads to people: its question (web:fields.<path>.label) and its options
 * (web:fields.<path>.options.<value>, or the shared yes / no / don't know). field-text.test.ts checks that every
 * field of the facts schema has them, in English and (through the parity test) Spanish.
 */
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from './field-spec.ts';

export function useFieldText() {
  const { t, i18n } = useTranslation('web');
  const label = (path: string) => {
    const key = `fields.${path}.label`;
    return i18n.exists(key, { ns: 'web' }) ? t(key) : path;
  };
  const option = (spec: Pick<FieldSpec, 'path' | 'kind'>, value: string) => {
    if (spec.kind === 'yesNoUnknown') return t(`options.ynu.${value}`);
    const key = `fields.${spec.path}.options.${value}`;
    return i18n.exists(key, { ns: 'web' }) ? t(key) : value;
  };
  const value = (spec: FieldSpec | null, v: unknown): string => {
    if (v === undefined || v === null) return '';
    if (!spec) return Array.isArray(v) ? v.join(', ') : String(v);
    if (Array.isArray(v)) return v.map((x) => option(spec, String(x))).join(', ');
    if (spec.kind === 'choice' || spec.kind === 'yesNoUnknown') return option(spec, String(v));
    return String(v);
  };
  return { label, option, value };
}
