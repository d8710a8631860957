/** Internal base URLs of the services behind the gateway. */
export interface Upstreams {
  profiles: string;
  career: string;
}
export const UPSTREAMS = Symbol('UPSTREAMS');
