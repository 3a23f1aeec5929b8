/**
 * One interview question as a form control chosen from the facts schema (radios, checkboxes, date, date-time, number
 * or text), with its label, the engine's reason for asking, and its validation error tied to it (aria-invalid,
 * aria-describedby). Native controls only, so it all works by keyboard.
 */
import { forwardRef, useId, type ReactNode } from 'react';
import type { FieldSpec } from './field-spec.ts';
import { useFieldText } from './use-field-text.ts';

export interface QuestionFieldProps {
  spec: FieldSpec;
  value: string | string[];
  onChange: (v: string | string[]) => void;
  /** The engine's reason (already rendered). */
  why: string | null;
  error: string | null;
  /** Extra help below the control (e.g. a lookup). */
  children?: ReactNode;
}

export const QuestionField = forwardRef<HTMLElement, QuestionFieldProps>(function QuestionField(
  { spec, value, onChange, why, error, children },
  ref,
) {
  const id = useId();
  const text = useFieldText();
  const whyId = why ? `${id}-why` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const describedBy = [whyId, errId].filter(Boolean).join(' ') || undefined;
  const label = text.label(spec.path);
  const hint = why ? (
    <p id={whyId} className="hint">
      {why}
    </p>
  ) : null;
  // role="alert": announced as soon as it appears; aria-describedby ties it to the control.
  const err = error ? (
    <p id={errId} className="field-error" role="alert">
      {error}
    </p>
  ) : null;

  if (spec.kind === 'choice' || spec.kind === 'yesNoUnknown' || spec.kind === 'multiChoice') {
    const multi = spec.kind === 'multiChoice';
    const selected = Array.isArray(value) ? value : value ? [value] : [];
    return (
      <fieldset
        className={`question${error ? ' field-invalid' : ''}`}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        ref={ref as React.Ref<HTMLFieldSetElement>}
        tabIndex={-1}
      >
        <legend className="question-label">{label}</legend>
        {hint}
        {err}
        <div className={multi ? 'checkboxes' : 'radios'}>
          {spec.options.map((o) => (
            <label key={o} className="choice">
              <input
                type={multi ? 'checkbox' : 'radio'}
                name={`${id}-q`}
                value={o}
                checked={selected.includes(o)}
                onChange={(e) => {
                  if (!multi) onChange(o);
                  else onChange(e.target.checked ? [...selected, o] : selected.filter((x) => x !== o));
                }}
              />
              <span>{text.option(spec, o)}</span>
            </label>
          ))}
        </div>
        {children}
      </fieldset>
    );
  }

  const type = spec.kind === 'date' ? 'date' : spec.kind === 'dateTime' ? 'datetime-local' : spec.kind === 'integer' ? 'number' : 'text';
  const long = spec.path.endsWith('narrative') || spec.path === 'notes';
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    value: Array.isArray(value) ? value.join('') : value,
  } as const;
  return (
    <div className={`question field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="question-label">
        {label}
      </label>
      {hint}
      {err}
      {long ? (
        <textarea {...common} rows={5} ref={ref as React.Ref<HTMLTextAreaElement>} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          ref={ref as React.Ref<HTMLInputElement>}
          inputMode={spec.kind === 'integer' ? 'numeric' : undefined}
          min={spec.minimum ?? undefined}
          max={spec.maximum ?? undefined}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {children}
    </div>
  );
});
