/** Start a case: "what happened?" (the interview's first question) and a short name for the case. */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../api.ts';
import { createCase } from '../case-api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { Alert, Screen } from '../components/screen.tsx';
import { TextField } from '../components/text-field.tsx';
import { startNote } from '../interview/interview-state.ts';
import { START_CHOICES, startChoice } from '../interview/start-choices.ts';
import { casePath, navigate } from '../router.tsx';

export default function NewCase() {
  const { t } = useTranslation('web');
  const [choice, setChoice] = useState('');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<{ choice?: string; title?: string }>({});
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const choiceRef = useRef<HTMLFieldSetElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = startChoice(choice);
    const next: typeof errors = {};
    if (!c) next.choice = t('newCase.choiceMissing');
    if (title.trim().length === 0) next.title = t('newCase.titleMissing');
    setErrors(next);
    if (next.choice) choiceRef.current?.focus();
    if (!c || next.title) {
      if (!next.choice) document.getElementById('case-title-input')?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const created = await createCase(title.trim(), { version: 1, ...c.facts }, startNote(c.id));
      navigate(casePath(created.id, 'interview'));
    } catch (err) {
      setFailure(err instanceof ApiFailure ? err : new ApiFailure(0, 'client', ''));
      setBusy(false);
    }
  };

  return (
    <Screen title={t('newCase.title')}>
      <form onSubmit={submit} noValidate className="narrow">
        {(errors.choice || errors.title) && <Alert>{t('newCase.fixErrors')}</Alert>}
        {failure && <ApiErrorAlert error={failure} />}
        <fieldset
          ref={choiceRef}
          tabIndex={-1}
          className={`question${errors.choice ? ' field-invalid' : ''}`}
          aria-describedby={errors.choice ? 'choice-error' : undefined}
          aria-invalid={errors.choice ? true : undefined}
        >
          <legend className="question-label">{t('newCase.whatHappened')}</legend>
          {errors.choice && (
            <p id="choice-error" className="field-error">
              {errors.choice}
            </p>
          )}
          <div className="radios">
            {START_CHOICES.map((c) => (
              <label key={c.id} className="choice">
                <input type="radio" name="what-happened" value={c.id} checked={choice === c.id} onChange={() => setChoice(c.id)} />
                <span>
                  <strong>{t(`newCase.choices.${c.id}.label`)}</strong>
                  <br />
                  <span className="hint">{t(`newCase.choices.${c.id}.hint`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          id="case-title-input"
          label={t('newCase.caseTitle')}
          hint={t('newCase.caseTitleHint')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.title ?? null}
          maxLength={300}
          autoComplete="off"
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('newCase.starting') : t('newCase.start')}
        </button>
      </form>
    </Screen>
  );
}
