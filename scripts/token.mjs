// Prints a signed bearer token for local use:
//   npm run --silent token -- --tenant acme --roles hr-admin[,analyst] [--sub alice] [--person <uuid>]
import { SignJWT } from 'jose';
import { parseArgs } from 'node:util';

export const LOCAL_JWT_SECRET = 'trajectory-local-development-secret-change-me';

const { values } = parseArgs({
  options: {
    tenant: { type: 'string', default: 'acme' },
    roles: { type: 'string', default: 'hr-admin' },
    sub: { type: 'string', default: 'local-user' },
    person: { type: 'string' },
    hours: { type: 'string', default: '8' },
  },
});
// An empty JWT_SECRET counts as unset, as it does for the gateway's own configuration.
const secret = new TextEncoder().encode(process.env.JWT_SECRET || LOCAL_JWT_SECRET);
const claims = { tenant: values.tenant, roles: values.roles.split(',').map((r) => r.trim()), ...(values.person ? { personId: values.person } : {}) };
const token = await new SignJWT(claims)
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject(values.sub)
  .setIssuedAt()
  .setExpirationTime(`${Number(values.hours)}h`)
  .sign(secret);
process.stdout.write(`${token}\n`);
