/** A legal term with its plain-language explanation (an expandable note, so it is read once and can be reopened). */
import { useTranslation } from 'react-i18next';
import type { TermId } from '../glossary.ts';

export function TermNote({ id }: { id: TermId }) {
  const { t } = useTranslation('web');
  return (
    <details className="term">
      <summary>{t('terms.whatIs', { term: t(`terms.${id}.term`) })}</summary>
      <p>{t(`terms.${id}.plain`)}</p>
    </details>
  );
}
