/**
 * The filing packet: build it from the case's latest facts (the packet builder decides which documents), read the
 * FRCP 5.2 privacy check and confirm it, preview each document as text, then download DOCX, PDF or everything as a zip.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure, apiBlob, saveBlob } from '../api.ts';
import { getCase } from '../case-api.ts';
import { ApiErrorAlert } from '../components/api-error.tsx';
import { CaseNav } from '../components/case-nav.tsx';
import { Alert, Loading, Screen } from '../components/screen.tsx';
import { TermNote } from '../components/term.tsx';
import { useLoad } from '../components/use-load.ts';
import type { EngineMessage } from '../interview/plan-questions.ts';
import { useMessages } from '../use-messages.ts';
import { TableWrap } from '../components/table-wrap.tsx';

interface StoredDocument {
  id: string;
  kind: string;
  filename: string;
  contentType: string;
  sha256: string;
  size: number;
}

interface PacketAnswer {
  revision: number;
  documents: StoredDocument[];
  warnings: EngineMessage[];
  manifest: { blanks?: Array<{ document: string; label: string }> };
  privacyReport: {
    changes: Array<{ document: string; kind: string; rule: string; after: string; message: EngineMessage }>;
    notes: EngineMessage[];
  };
  previews: Array<{ id: string; title: string; text: string; blanks: string[] }>;
}

export default function Packet({ caseId }: { caseId: string }) {
  const { t } = useTranslation('web');
  const { msg } = useMessages();
  const load = useLoad(() => getCase(caseId), [caseId]);
  const [maskANumber, setMaskANumber] = useState(true);
  const [packet, setPacket] = useState<PacketAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [reviewed, setReviewed] = useState(false);
  const [status, setStatus] = useState('');

  const build = async () => {
    setBusy(true);
    setFailure(null);
    setPacket(null);
    setReviewed(false);
    setStatus(t('packet.building'));
    try {
      const p = await api<PacketAnswer>('POST', `/api/cases/${encodeURIComponent(caseId)}/packets`, { formats: ['docx', 'pdf'], maskANumber });
      setPacket(p);
      setStatus(t('packet.built', { count: p.previews.length }));
    } catch (e) {
      setFailure(e instanceof ApiFailure ? e : new ApiFailure(0, 'client', ''));
      setStatus('');
    } finally {
      setBusy(false);
    }
  };

  const download = async (d: StoredDocument) => {
    setFailure(null);
    try {
      const { blob, filename } = await apiBlob('GET', `/api/documents/${encodeURIComponent(d.id)}/download`);
      saveBlob(blob, filename ?? d.filename);
    } catch (e) {
      setFailure(e instanceof ApiFailure ? e : new ApiFailure(0, 'client', ''));
    }
  };

  const downloadZip = async () => {
    if (!packet) return;
    setFailure(null);
    setStatus(t('packet.zipping'));
    try {
      const { default: JSZip } = await import('jszip');
      const zip = new JSZip();
      for (const d of packet.documents) {
        const { blob } = await apiBlob('GET', `/api/documents/${encodeURIComponent(d.id)}/download`);
        zip.file(d.filename, blob);
      }
      saveBlob(await zip.generateAsync({ type: 'blob' }), 'writ-packet.zip');
      setStatus(t('packet.zipped'));
    } catch (e) {
      setFailure(e instanceof ApiFailure ? e : new ApiFailure(0, 'client', ''));
      setStatus('');
    }
  };

  const docsFor = (id: string) => (packet?.documents ?? []).filter((d) => d.kind === id);

  return (
    <Screen title={t('packet.title')}>
      {load.data && <CaseNav caseId={caseId} current="packet" title={load.data.title} />}
      {load.loading && !load.data && <Loading />}
      {load.error && <ApiErrorAlert error={load.error} />}
      <p>{t('packet.intro')}</p>
      <label className="choice">
        <input type="checkbox" checked={maskANumber} onChange={(e) => setMaskANumber(e.target.checked)} />
        <span>{t('packet.maskANumber')}</span>
      </label>
      <p>
        <button type="button" className="primary" onClick={() => void build()} disabled={busy}>
          {packet ? t('packet.rebuild') : t('packet.build')}
        </button>
      </p>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {failure && (failure.status === 403 ? <Alert>{t('packet.forbidden')}</Alert> : <ApiErrorAlert error={failure} />)}
      {packet && packet.previews.length === 0 && <Alert kind="warning">{t('packet.nothing')}</Alert>}
      {packet && packet.previews.length > 0 && (
        <>
          <section aria-labelledby="privacy-title" className="warning-box">
            <h2 id="privacy-title">{t('packet.privacyTitle')}</h2>
            <TermNote id="FRCP_5_2" />
            {packet.privacyReport.changes.length === 0 ? (
              <p>{t('packet.privacyNone')}</p>
            ) : (
              <TableWrap label={t('packet.privacyTitle')}>
                <table>
                  <caption>{t('packet.privacyCaption', { count: packet.privacyReport.changes.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('packet.document')}</th>
                      <th scope="col">{t('packet.what')}</th>
                      <th scope="col">{t('packet.asFiled')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {packet.privacyReport.changes.map((c, i) => (
                      <tr key={i}>
                        <td>{packet.previews.find((p) => p.id === c.document)?.title ?? c.document}</td>
                        <td>{msg(c.message)}</td>
                        <td>
                          <code>{c.after}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {packet.privacyReport.notes.length > 0 && (
              <ul>
                {packet.privacyReport.notes.map((n, i) => (
                  <li key={i}>{msg(n)}</li>
                ))}
              </ul>
            )}
            <label className="choice">
              <input type="checkbox" checked={reviewed} onChange={(e) => setReviewed(e.target.checked)} />
              <span>{t('packet.reviewed')}</span>
            </label>
          </section>

          {packet.warnings.length > 0 && (
            <section aria-labelledby="packet-warnings" className="warning-box">
              <h2 id="packet-warnings">{t('packet.warnings')}</h2>
              <ul>
                {packet.warnings.map((w, i) => (
                  <li key={i}>{msg(w)}</li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="docs-title">
            <h2 id="docs-title">{t('packet.documents')}</h2>
            {!reviewed && <p className="hint">{t('packet.reviewFirst')}</p>}
            <p>
              <button type="button" onClick={() => void downloadZip()} disabled={!reviewed}>
                {t('packet.zip')}
              </button>
            </p>
            <ul className="documents">
              {packet.previews.map((p) => (
                <li key={p.id} className="evidence-item">
                  <h3>{p.title}</h3>
                  {p.blanks.length > 0 && <p className="hint">{t('packet.blanks', { count: p.blanks.length })}</p>}
                  <div className="actions">
                    {docsFor(p.id).map((d) => (
                      <button key={d.id} type="button" disabled={!reviewed} onClick={() => void download(d)}>
                        {t('packet.download', { format: d.filename.split('.').pop()!.toUpperCase(), title: p.title })}
                      </button>
                    ))}
                  </div>
                  <details>
                    <summary>{t('packet.preview', { title: p.title })}</summary>
                    <div className="doc-preview" tabIndex={0} role="document" aria-label={p.title}>
                      {p.text}
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </Screen>
  );
}
