/** Sign in with email and password (the API sets the session cookie and gives the CSRF token). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../api.ts';
import { Alert, Screen } from '../components/screen.tsx';
import { TextField } from '../components/text-field.tsx';
import { useSession } from '../session.tsx';

export default function SignIn() {
  const { t } = useTranslation('web');
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!/^\S+@\S+$/.test(email.trim())) next.email = t('signIn.emailInvalid');
    if (password.length === 0) next.password = t('signIn.passwordMissing');
    setErrors(next);
    if (next.email || next.password) return;
    setBusy(true);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setErrors({ form: err instanceof ApiFailure && err.message ? err.message : t('errors.unexpected') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title={t('signIn.title')}>
      <form className="narrow" onSubmit={submit} noValidate>
        {(errors.form || errors.email || errors.password) && (
          <Alert>{errors.form ?? t('signIn.fixErrors')}</Alert>
        )}
        <TextField label={t('signIn.email')} type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email ?? null} required />
        <TextField label={t('signIn.password')} type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password ?? null} required />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
      </form>
    </Screen>
  );
}
