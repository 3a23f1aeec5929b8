/** A report's parts as a definition list (detailRows), on its own page and side by side on the duplicates page. */
import { useTranslation } from 'react-i18next';
import { detailRows, type IncidentView } from './detail-rows.ts';

export function DetailsList({ report }: { report: IncidentView }) {
  const { t } = useTranslation('web');
  return (
    <dl className="incident-details">
      {detailRows(report, t).map(([label, value], i) => (
        <div key={i}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
