/**
 * Evidence: upload by drag and drop or the file picker (keyboard), the SHA-256 the server recorded (checked against
 * the one this browser computed before sending), and each item's chain of custody.
 */
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../api.ts';
import { getCase, getCustody, listEvidence, uploadEvidence, type CustodyEvent, type EvidenceItem } from '../case-api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { CaseNav } from '../components/case-nav.tsx';
import { Loading, Screen } from '../components/screen.tsx';
import { useLoad } from '../components/use-load.ts';
import { formatInstant } from '../format.ts';

async function sha256Hex(file: File): Promise<string | null> {
  try {
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return null; // not a secure context: the server's hash still stands
  }
}

export default function Evidence({ caseId }: { caseId: string }) {
  const { t } = useTranslation('web');
  const load = useLoad(async () => ({ kase: await getCase(caseId), items: await listEvidence(caseId) }), [caseId]);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [over, setOver] = useState(false);
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const input = useRef<HTMLInputElement>(null);

  const upload = async (files: FileList | File[]) => {
    setFailure(null);
    for (const file of Array.from(files)) {
      setStatus(t('evidence.uploading', { name: file.name }));
      const local = await sha256Hex(file);
      try {
        const item = await uploadEvidence(caseId, file);
        if (local) setChecks((c) => ({ ...c, [item.id]: local === item.sha256 }));
        setStatus(t('evidence.uploaded', { name: file.name }));
      } catch (e) {
        setFailure(e instanceof ApiFailure ? e : new ApiFailure(0, 'client', ''));
        setStatus('');
      }
    }
    load.reload();
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) void upload(e.dataTransfer.files);
  };

  return (
    <Screen title={t('evidence.title')}>
      {load.data && <CaseNav caseId={caseId} current="evidence" title={load.data.kase.title} />}
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>{t('evidence.drop')}</p>
        <label htmlFor="evidence-file" className="button">
          {t('evidence.choose')}
        </label>
        <input
          id="evidence-file"
          ref={input}
          type="file"
          multiple
          className="visually-hidden-file"
          onChange={(e) => {
            if (e.target.files?.length) void upload(e.target.files);
            e.target.value = '';
          }}
        />
        <p className="hint">{t('evidence.private')}</p>
      </div>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {failure && <ApiErrorAlert error={failure} />}
      {load.loading && !load.data && <Loading />}
      {load.error && <ApiErrorAlert error={load.error} />}
      {load.data && load.data.items.length === 0 && <p>{t('evidence.none')}</p>}
      {load.data && load.data.items.length > 0 && (
        <ul className="evidence-list">
          {load.data.items.map((it) => (
            <EvidenceRow key={it.id} item={it} check={checks[it.id]} />
          ))}
        </ul>
      )}
    </Screen>
  );
}

function EvidenceRow({ item, check }: { item: EvidenceItem; check: boolean | undefined }) {
  const { t } = useTranslation('web');
  const [custody, setCustody] = useState<CustodyEvent[] | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const show = async () => {
    try {
      setCustody(await getCustody(item.id));
    } catch (e) {
      setFailure(e instanceof ApiFailure ? e : new ApiFailure(0, 'client', ''));
    }
  };
  return (
    <li className="evidence-item">
      <p>
        <strong>{item.filename}</strong> <span className="hint">({item.contentType}, {t('evidence.bytes', { count: item.size })})</span>
      </p>
      <p>
        {t('evidence.sha256')} <code className="hash">{item.sha256}</code>
      </p>
      {check !== undefined && <p>{check ? t('evidence.hashMatches') : t('evidence.hashDiffers')}</p>}
      <p className="hint">{t('evidence.added', { when: formatInstant(item.createdAt) })}</p>
      {custody === null ? (
        <button type="button" onClick={() => void show()}>
          {t('evidence.showCustody', { name: item.filename })}
        </button>
      ) : (
        <table className="custody">
          <caption>{t('evidence.custodyCaption', { name: item.filename })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evidence.when')}</th>
              <th scope="col">{t('evidence.action')}</th>
              <th scope="col">{t('evidence.who')}</th>
            </tr>
          </thead>
          <tbody>
            {custody.map((c) => (
              <tr key={c.id}>
                <td>{formatInstant(c.at)}</td>
                <td>{t(`evidence.actions.${c.action}`)}</td>
                <td>
                  <code>{c.actorId.slice(0, 8)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {failure && <ApiErrorAlert error={failure} />}
    </li>
  );
}
