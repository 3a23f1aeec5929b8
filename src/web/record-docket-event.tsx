/** Records a docket event (the API computes and attaches the deadlines it starts). Errors are tied to their fields. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCKET_EVENT_KINDS } from '../core/deadlines/docket-event-kinds.ts';
import { api, ApiFailure } from './api.ts';
import { ApiErrorAlert } from './components/api-error.tsx';
import { Alert } from './components/screen.tsx';

export function RecordDocketEvent({ caseId, onRecorded }: { caseId: string; onRecorded: () => void }) {
  const { t } = useTranslation('web');
  const [kind, setKind] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [errors, setErrors] = useState<{ kind?: string; date?: string }>({});
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [status, setStatus] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!kind) next.kind = t('deadlines.record.kindMissing');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) next.date = t('deadlines.record.dateMissing');
    setErrors(next);
    setStatus('');
    if (next.kind || next.date) {
      document.getElementById(next.kind ? 'docket-kind' : 'docket-date')?.focus();
      return;
    }
    setFailure(null);
    try {
      await api('POST', `/api/cases/${encodeURIComponent(caseId)}/docket`, { kind, date, ...(time ? { time } : {}) });
      setStatus(t('deadlines.record.saved'));
      setKind('');
      setDate('');
      setTime('');
      onRecorded();
    } catch (err) {
      setFailure(err instanceof ApiFailure ? err : new ApiFailure(0, 'client', ''));
    }
  };

  return (
    <section aria-labelledby="record-title">
      <h2 id="record-title">{t('deadlines.record.title')}</h2>
      <p className="hint">{t('deadlines.record.hint')}</p>
      <form onSubmit={submit} noValidate className="filters">
        <div className={`field${errors.kind ? ' field-invalid' : ''}`}>
          <label htmlFor="docket-kind">{t('deadlines.record.kind')}</label>
          {errors.kind && (
            <p id="docket-kind-error" className="field-error" role="alert">
              {errors.kind}
            </p>
          )}
          <select
            id="docket-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            aria-invalid={errors.kind ? true : undefined}
            aria-describedby={errors.kind ? 'docket-kind-error' : undefined}
          >
            <option value="">{t('deadlines.record.choose')}</option>
            {DOCKET_EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`deadlines.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${errors.date ? ' field-invalid' : ''}`}>
          <label htmlFor="docket-date">{t('deadlines.record.date')}</label>
          {errors.date && (
            <p id="docket-date-error" className="field-error" role="alert">
              {errors.date}
            </p>
          )}
          <input
            id="docket-date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={errors.date ? 'docket-date-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="docket-time">{t('deadlines.record.time')}</label>
          <input id="docket-time" type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </div>
        <div className="field">
          <button type="submit">{t('deadlines.record.submit')}</button>
        </div>
      </form>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {failure && (failure.status === 403 ? <Alert>{t('deadlines.record.forbidden')}</Alert> : <ApiErrorAlert error={failure} />)}
    </section>
  );
}
