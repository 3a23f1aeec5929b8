/**
 * The app shell: skip link, header (name, navigation, language, sign out), the current screen in <main>, and the
 * "not legal advice" footer. Screens load lazily, so the first download stays small.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLang, LANGS, type WebLang } from './i18n.ts';
import { Link, navigate, useRoute, type Route } from './router.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { Loading } from './components/screen.tsx';
import { ErrorBoundary } from './components/error-boundary.tsx';

const SignIn = lazy(() => import('./screens/sign-in.tsx'));
const Dashboard = lazy(() => import('./screens/dashboard.tsx'));
const NewCase = lazy(() => import('./screens/new-case.tsx'));
const Interview = lazy(() => import('./screens/interview.tsx'));
const AnalysisScreen = lazy(() => import('./screens/analysis.tsx'));
const Packet = lazy(() => import('./screens/packet.tsx'));
const Deadlines = lazy(() => import('./screens/deadlines.tsx'));
const Evidence = lazy(() => import('./screens/evidence.tsx'));
const History = lazy(() => import('./screens/history.tsx'));
const Program287g = lazy(() => import('./screens/program-287g.tsx'));
const IncidentReport = lazy(() => import('./screens/incident-report.tsx'));
const IncidentPatterns = lazy(() => import('./screens/incident-patterns.tsx'));
const IncidentDetail = lazy(() => import('./screens/incident-detail.tsx'));
const IncidentDuplicates = lazy(() => import('./screens/incident-duplicates.tsx'));
const IncidentList = lazy(() => import('./screens/incident-list.tsx'));
const Jobs = lazy(() => import('./screens/jobs.tsx'));
const NotFound = lazy(() => import('./screens/not-found.tsx'));

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function LanguageSwitch() {
  const { t } = useTranslation('web');
  const [lang, setLang] = useState<WebLang>(currentLang());
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={lang === l}
          onClick={() => void changeLanguage(l).then(() => setLang(l))}
        >
          {t(`app.languageName.${l}`)}
        </button>
      ))}
    </div>
  );
}

function Shell() {
  const { t } = useTranslation('web');
  const { user, signOut } = useSession();
  const route = useRoute();

  useEffect(() => {
    if (user === null && route.name !== 'signIn') navigate('/sign-in', { replace: true });
    if (user && route.name === 'signIn') navigate('/', { replace: true });
  }, [user, route.name]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link href="/">{t('app.name')}</Link>
        </div>
        {user && (
          <nav aria-label={t('app.mainNav')}>
            <ul>
              <li>
                <Link href="/" aria-current={route.name === 'dashboard' ? 'page' : undefined}>
                  {t('nav.cases')}
                </Link>
              </li>
              <li>
                <Link href="/cases/new" aria-current={route.name === 'newCase' ? 'page' : undefined}>
                  {t('nav.newCase')}
                </Link>
              </li>
              <li>
                <Link href="/287g" aria-current={route.name === 'program287g' ? 'page' : undefined}>
                  {t('nav.program287g')}
                </Link>
              </li>
              <li>
                <Link href="/incidents/patterns" aria-current={route.name.startsWith('incident') ? 'page' : undefined}>
                  {t('nav.incidents')}
                </Link>
              </li>
              {user.role !== 'advocate' && (
                <li>
                  <Link href="/jobs" aria-current={route.name === 'jobs' ? 'page' : undefined}>
                    {t('jobs:nav')}
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        )}
        <div className="header-tools">
          <LanguageSwitch />
          {user && (
            <button type="button" className="link-button" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {user === undefined ? <Loading /> : (
          <ErrorBoundary resetKey={JSON.stringify(route)}>
            <Suspense fallback={<Loading />}>{user === null ? <SignIn /> : <Current route={route} />}</Suspense>
          </ErrorBoundary>
        )}
      </main>
      <footer className="site-footer">
        <p>{t('common:notLegalAdvice')}</p>
      </footer>
    </>
  );
}

function Current({ route }: { route: Route }) {
  switch (route.name) {
    case 'signIn':
    case 'dashboard':
      return <Dashboard />;
    case 'newCase':
      return <NewCase />;
    case 'interview':
      return <Interview caseId={route.caseId} />;
    case 'analysis':
      return <AnalysisScreen caseId={route.caseId} />;
    case 'packet':
      return <Packet caseId={route.caseId} />;
    case 'deadlines':
      return <Deadlines caseId={route.caseId} />;
    case 'evidence':
      return <Evidence caseId={route.caseId} />;
    case 'history':
      return <History caseId={route.caseId} />;
    case 'program287g':
      return <Program287g />;
    case 'incidentReport':
      return <IncidentReport />;
    case 'incidentPatterns':
      return <IncidentPatterns />;
    case 'incidentDuplicates':
      return <IncidentDuplicates />;
    case 'incidentList':
      return <IncidentList />;
    case 'incidentDetail':
      return <IncidentDetail incidentId={route.incidentId} />;
    case 'jobs':
      return <Jobs />;
    case 'notFound':
      return <NotFound />;
  }
}
