/**
 * The app's routes, in one place, and a small history-API router (the app has a handful of screens; no router
 * dependency needed). `matchRoute` is pure and tested; `useRoute` re-renders on navigation.
 */
import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export type Route =
  | { name: 'signIn' }
  | { name: 'dashboard' }
  | { name: 'newCase' }
  | { name: 'interview'; caseId: string }
  | { name: 'analysis'; caseId: string }
  | { name: 'packet'; caseId: string }
  | { name: 'deadlines'; caseId: string }
  | { name: 'evidence'; caseId: string }
  | { name: 'history'; caseId: string }
  | { name: 'program287g' }
  | { name: 'incidentReport' }
  | { name: 'incidentPatterns' }
  | { name: 'incidentDuplicates' }
  | { name: 'incidentList' }
  | { name: 'incidentDetail'; incidentId: string }
  | { name: 'jobs' }
  | { name: 'notFound' };

const CASE_SCREENS = ['interview', 'analysis', 'packet', 'deadlines', 'evidence', 'history'] as const;
export type CaseScreen = (typeof CASE_SCREENS)[number];

export function matchRoute(pathname: string): Route {
  const p = pathname.replace(/\/+$/, '') || '/';
  if (p === '/') return { name: 'dashboard' };
  if (p === '/sign-in') return { name: 'signIn' };
  if (p === '/cases/new') return { name: 'newCase' };
  if (p === '/287g') return { name: 'program287g' };
  if (p === '/jobs') return { name: 'jobs' };
  if (p === '/incidents/new') return { name: 'incidentReport' };
  if (p === '/incidents/patterns') return { name: 'incidentPatterns' };
  if (p === '/incidents/duplicates') return { name: 'incidentDuplicates' };
  if (p === '/incidents') return { name: 'incidentList' };
  const incident = /^\/incidents\/([A-Za-z0-9-]{1,64})$/.exec(p);
  if (incident) return { name: 'incidentDetail', incidentId: incident[1]! };
  const m = /^\/cases\/([A-Za-z0-9-]{1,64})\/([a-z]+)$/.exec(p);
  if (m && (CASE_SCREENS as readonly string[]).includes(m[2]!)) {
    return { name: m[2] as CaseScreen, caseId: m[1]! };
  }
  return { name: 'notFound' };
}

export function casePath(caseId: string, screen: CaseScreen): string {
  return `/cases/${encodeURIComponent(caseId)}/${screen}`;
}

const listeners = new Set<() => void>();

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const l of listeners) l();
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => matchRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(matchRoute(location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** A link that navigates inside the app (a real <a href>, so it works by keyboard, middle-click and screen readers). */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
