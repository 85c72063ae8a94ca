/**
 * Whether `zone` names an IANA time zone (`Europe/Paris`, `Etc/UTC`, `UTC`), as ODCS's
 * `defaultTimezone` and PostgreSQL's AT TIME ZONE read it. Intl knows the zones and their aliases
 * (`Intl.supportedValuesOf` lists only canonical ones, without `UTC`); an offset (`+02:00`, `UTC+2`)
 * is no name, even where a newer Intl accepts it, as PostgreSQL reads it with its sign reversed.
 */
export function isTimeZoneName(zone: string): boolean {
  if (!/^[A-Za-z]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
