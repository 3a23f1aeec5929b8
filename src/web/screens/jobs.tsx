/**
 * Jobs (issue 5): legal staff upload a batch CSV (one filing packet per row) and download the zip when it is done;
 * admins upload ICE's newest 287(g) sheet (optional date, check-only) and read the import report. The organization's
 * jobs are listed with their status and progress, checked every few seconds while one is waiting or running.
 * The API: POST /api/batches/packets, POST /api/reference/287g/imports, GET /api/jobs, GET /api/jobs/{id}/result.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, api, apiBlob, apiUpload, saveBlob } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { Alert, Loading, Screen } from '../components/screen.tsx';
import { useLoad } from '../components/use-load.ts';
import { formatInstant } from '../format.ts';
import { useSession } from '../session.tsx';

/** The batch CSV's columns (src/documents/batch.ts, `writ packet --batch`; the server refuses facts_file). */
export const BATCH_COLUMNS = [
  'id',
  'name',
  'form',
  'receipt_number',
  'filed_date',
  'office_name',
  'interview_date',
  'biometrics_done',
  'applicant_caused_delay',
  'rfe_all_answered',
  'other_remedy_pending',
  'inquiries',
  'queue_order',
  'agency_statement',
  'last_agency_action_date',
  'harm_work',
  'harm_family',
  'harm_health',
  'residence_state',
  'residence_county',
  'city',
  'adjudicate_within_days',
  'analysis_date',
  'filing_date',
  'filer_kind',
  'filer_name',
  'filer_bar_number',
  'filer_firm',
  'filer_address',
  'filer_phone',
  'filer_email',
] as const;

/** How long the server keeps a finished job (JOB_RETENTION_DAYS in src/store/jobs/job-records.ts). */
const RETENTION_DAYS = 30;
const POLL_MS = 2000;
const SHOW_ISSUES = 20;

type Status = 'queued' | 'running' | 'done' | 'failed';
interface Job {
  id: string;
  kind: 'packet-batch' | 'import-287g';
  status: Status;
  progress: { done: number; total: number };
  summary: Record<string, number | boolean | string | null>;
  errorCode: string | null;
  hasResult: boolean;
  createdAt: string;
  finishedAt: string | null;
}
interface Issue {
  code: string;
  row: number | null;
  column?: string | null;
  from?: string | null;
  to?: string | null;
  params?: Record<string, unknown>;
}
interface Report {
  date?: string;
  rows?: number;
  repairs?: Issue[];
  problems?: Issue[];
  issues?: Issue[];
  errorCode?: string;
}

const active = (j: Job) => j.status === 'queued' || j.status === 'running';
const failure = (e: unknown) => (e instanceof ApiFailure ? e : new ApiFailure(0, 'client', ''));

export default function Jobs() {
  const { t } = useTranslation('jobs');
  const { user } = useSession();
  const load = useLoad(() => api<{ jobs: Job[] }>('GET', '/api/jobs?limit=50'), []);
  const [announce, setAnnounce] = useState('');
  const seen = useRef<Map<string, Status>>(new Map());

  const jobs = load.data?.jobs ?? null;
  const anyActive = jobs?.some(active) ?? false;
  useEffect(() => {
    if (!anyActive) return;
    const timer = setTimeout(load.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [anyActive, jobs, load.reload]);

  // Announce (politely, once) a job that finished while the page was open.
  useEffect(() => {
    if (!jobs) return;
    for (const j of jobs) {
      const before = seen.current.get(j.id);
      if (before && active({ ...j, status: before }) && !active(j)) {
        setAnnounce(t('list.done', { kind: t(`list.kind.${j.kind}`), status: t(`list.status.${j.status}`) }));
      }
      seen.current.set(j.id, j.status);
    }
  }, [jobs, t]);

  const legalStaff = user ? user.role !== 'advocate' : false;
  return (
    <Screen title={t('title')} lead={<p>{t('lead', { days: RETENTION_DAYS })}</p>}>
      {legalStaff && <BatchForm onQueued={load.reload} />}
      {user?.role === 'admin' && <ImportForm onQueued={load.reload} />}
      <section aria-labelledby="jobs-list">
        <h2 id="jobs-list">{t('list.heading')}</h2>
        <p role="status" aria-live="polite">
          {announce}
        </p>
        <div className="actions">
          <button type="button" onClick={load.reload}>
            {t('list.refresh')}
          </button>
        </div>
        {load.loading && !load.data && <Loading />}
        {load.error && <ApiErrorAlert error={load.error} />}
        {jobs && jobs.length === 0 && <p>{t('list.none')}</p>}
        {jobs && jobs.length > 0 && (
          <ul className="evidence-list">
            {jobs.map((j) => (
              <JobItem key={j.id} job={j} />
            ))}
          </ul>
        )}
      </section>
    </Screen>
  );
}

/**
 * One upload form's state: the chosen file (focus and an error tied to the field when none is chosen), busy, the
 * queued message (announced) and the server's refusal.
 */
function useUpload(queuedMessage: string, onQueued: () => void) {
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState<ApiFailure | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = async (e: FormEvent, path: () => string) => {
    e.preventDefault();
    setDone('');
    setError(null);
    const f = file.current?.files?.[0];
    setMissing(!f);
    if (!f) {
      file.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await apiUpload(path(), f);
      setDone(queuedMessage);
      if (file.current) file.current.value = '';
      onQueued();
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  };
  return { file, busy, done, error, missing, submit };
}

/** The file field of an upload form, its error tied to it when no file was chosen. */
function FileField({ upload, id, label, accept, missingText, hintId }: { upload: ReturnType<typeof useUpload>; id: string; label: string; accept: string; missingText: string; hintId?: string }) {
  const describedBy = [hintId, upload.missing ? `${id}-missing` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${upload.missing ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} ref={upload.file} type="file" accept={accept} style={{ maxWidth: '100%' }} aria-describedby={describedBy} aria-invalid={upload.missing || undefined} />
      {upload.missing && (
        <p id={`${id}-missing`} className="field-error">
          {missingText}
        </p>
      )}
    </div>
  );
}

/** An upload form's submit button, disabled while the file is sent. */
function SubmitButton({ upload, label }: { upload: ReturnType<typeof useUpload>; label: string }) {
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={upload.busy}>
        {label}
      </button>
    </div>
  );
}

/** The announced "queued" line and the server's refusal of an upload. */
function UploadStatus({ upload }: { upload: ReturnType<typeof useUpload> }) {
  return (
    <>
      <p role="status" aria-live="polite">
        {upload.done}
      </p>
      {upload.error && <ApiErrorAlert error={upload.error} />}
    </>
  );
}

function BatchForm({ onQueued }: { onQueued: () => void }) {
  const { t } = useTranslation('jobs');
  const [formats, setFormats] = useState<'both' | 'docx' | 'pdf'>('both');
  const upload = useUpload(t('batch.queued'), onQueued);

  return (
    <section aria-labelledby="jobs-batch">
      <h2 id="jobs-batch">{t('batch.heading')}</h2>
      <p>{t('batch.intro')}</p>
      <p id="jobs-batch-columns" className="hint">
        {t('batch.columns')} <code>{BATCH_COLUMNS.join(', ')}</code>
      </p>
      <form onSubmit={(e) => void upload.submit(e, () => `/api/batches/packets?formats=${formats}`)} noValidate>
        <FileField upload={upload} id="jobs-batch-file" label={t('batch.file')} accept=".csv,text/csv" missingText={t('batch.chooseFile')} hintId="jobs-batch-columns" />
        <div className="field">
          <label htmlFor="jobs-batch-formats">{t('batch.formats')}</label>
          <select id="jobs-batch-formats" value={formats} onChange={(e) => setFormats(e.target.value as typeof formats)}>
            {(['both', 'docx', 'pdf'] as const).map((f) => (
              <option key={f} value={f}>
                {t(`batch.formatOptions.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton upload={upload} label={t('batch.submit')} />
      </form>
      <UploadStatus upload={upload} />
    </section>
  );
}

function ImportForm({ onQueued }: { onQueued: () => void }) {
  const { t } = useTranslation('jobs');
  const [date, setDate] = useState('');
  const [dryRun, setDryRun] = useState(false);
  const upload = useUpload(t('import.queued'), onQueued);
  const path = () => `/api/reference/287g/imports?${new URLSearchParams({ dryRun: String(dryRun), ...(date ? { date } : {}) }).toString()}`;

  return (
    <section aria-labelledby="jobs-import">
      <h2 id="jobs-import">{t('import.heading')}</h2>
      <p>{t('import.intro')}</p>
      <form onSubmit={(e) => void upload.submit(e, path)} noValidate>
        <FileField upload={upload} id="jobs-import-file" label={t('import.file')} accept=".xlsx,.csv" missingText={t('import.chooseFile')} />
        <div className="field">
          <label htmlFor="jobs-import-date">{t('import.date')}</label>
          <input id="jobs-import-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <label className="choice">
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          {t('import.dryRun')}
        </label>
        <SubmitButton upload={upload} label={t('import.submit')} />
      </form>
      <UploadStatus upload={upload} />
    </section>
  );
}

function JobItem({ job }: { job: Job }) {
  const { t, i18n } = useTranslation('jobs');
  const when = formatInstant(job.createdAt);
  const s = job.summary;
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);

  const download = async () => {
    setError(null);
    try {
      const { blob, filename } = await apiBlob('GET', `/api/jobs/${job.id}/result`);
      saveBlob(blob, filename ?? `packets-${job.id}.zip`);
    } catch (e) {
      setError(failure(e));
    }
  };
  const showReport = async () => {
    setError(null);
    try {
      const { blob } = await apiBlob('GET', `/api/jobs/${job.id}/result`);
      setReport(JSON.parse(await blob.text()) as Report);
    } catch (e) {
      setError(failure(e));
    }
  };

  return (
    <li className="evidence-item">
      <p>
        <strong>{t(`list.kind.${job.kind}`)}</strong> — {t(`list.status.${job.status}`)}
      </p>
      <p className="hint">{t('list.started', { when })}</p>
      {active(job) && job.progress.total > 0 && (
        <p>
          <progress max={job.progress.total} value={job.progress.done} aria-label={t('list.progressLabel', { when })} />{' '}
          {t('list.progress', { done: job.progress.done, total: job.progress.total })}
        </p>
      )}
      {job.status === 'done' && job.kind === 'packet-batch' && (
        <p>{t('list.batchCounts', { rows: s.rows ?? 0, ok: s.ok ?? 0, failed: s.failed ?? 0 })}</p>
      )}
      {job.status === 'done' && job.kind === 'import-287g' && (
        <>
          <p>
            {t('list.importCounts', {
              date: s.sheetDate ?? '',
              rows: s.rows ?? 0,
              repairs: s.repairs ?? 0,
              problems: s.problems ?? 0,
              added: s.added ?? 0,
              removed: s.removed ?? 0,
              changed: s.changed ?? 0,
            })}
          </p>
          <p>{s.stored ? t('list.stored') : t('list.dryRun')}</p>
        </>
      )}
      {job.status === 'failed' && (
        <Alert kind="warning">
          {job.errorCode && i18n.exists(`jobs:errors.${job.errorCode}`) ? t(`errors.${job.errorCode}`) : t('errors.other', { code: job.errorCode ?? '' })}
        </Alert>
      )}
      {job.hasResult && job.kind === 'packet-batch' && (
        <div className="actions">
          <button type="button" onClick={() => void download()}>
            {t('list.download', { when })}
          </button>
        </div>
      )}
      {job.hasResult && job.kind === 'import-287g' && (
        <div className="actions">
          {report === null ? (
            <button type="button" onClick={() => void showReport()}>
              {t('list.showReport', { when })}
            </button>
          ) : (
            <button type="button" onClick={() => setReport(null)}>
              {t('list.hideReport')}
            </button>
          )}
        </div>
      )}
      {report && <ImportReport report={report} />}
      {error && <ApiErrorAlert error={error} />}
    </li>
  );
}

function ImportReport({ report }: { report: Report }) {
  const { t } = useTranslation('jobs');
  const problems = report.problems ?? report.issues ?? [];
  const issueText = (i: Issue) => {
    const where = [i.row ? t('list.row', { row: i.row }) : null, i.column].filter(Boolean).join(', ');
    const change = i.to !== undefined && i.to !== null ? `"${i.from ?? ''}" → "${i.to}"` : i.from ? `"${i.from}"` : '';
    return `${where ? `${where}: ` : ''}${t(`reference:${i.code}`, (i.params ?? {}) as Record<string, string>)}${change ? ` ${change}` : ''}`;
  };
  const list = (items: Issue[]) => (
    <ul>
      {items.slice(0, SHOW_ISSUES).map((i, k) => (
        <li key={k}>{issueText(i)}</li>
      ))}
      {items.length > SHOW_ISSUES && <li>{t('list.more', { count: items.length - SHOW_ISSUES })}</li>}
    </ul>
  );
  return (
    <div>
      <h3>{t('list.reportHeading')}</h3>
      <h4>{t('list.problems')}</h4>
      {problems.length ? list(problems) : <p>{t('list.noProblems')}</p>}
      {report.repairs && report.repairs.length > 0 && (
        <>
          <h4>{t('list.repairs')}</h4>
          {list(report.repairs)}
        </>
      )}
    </div>
  );
}
