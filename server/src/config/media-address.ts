import { isIP } from 'node:net';

/** The address the media sockets bind to and the one browsers are given as ICE candidate. */
export interface MediaAddress {
  listenIp: string;
  /** Absent when browsers are given the bound address itself. */
  announcedAddress?: string;
  /** True when the service is only for browsers on this machine (no PUBLIC_URL, or a loopback one). */
  local: boolean;
}

export interface MediaAddressSettings {
  RTC_LISTEN_IP?: string;
  RTC_ANNOUNCED_ADDRESS?: string;
  PUBLIC_URL?: string;
}

export const isWildcardAddress = (ip: string): boolean => ip === '0.0.0.0' || (isIP(ip) === 6 && /^[0:]+$/.test(ip));

const isLoopbackHost = (host: string): boolean => host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * NOTE: a browser can only use the camera on an https page or on http://localhost. Without a
 * PUBLIC_URL the service is therefore for browsers on this machine: media bind to loopback and
 * that is what browsers are given. With a PUBLIC_URL the media must be reachable by other machines,
 * and an address bound on every interface (0.0.0.0) is not one a browser can be given: the
 * operator says which address browsers reach (RTC_ANNOUNCED_ADDRESS). A browser given 0.0.0.0
 * never connects and shows a black picture, with no error anywhere.
 */
export function resolveMediaAddress(env: MediaAddressSettings): MediaAddress {
  const local = env.PUBLIC_URL === undefined || isLoopbackHost(new URL(env.PUBLIC_URL).hostname);
  const listenIp = env.RTC_LISTEN_IP ?? (local ? '127.0.0.1' : '0.0.0.0');
  if (env.RTC_ANNOUNCED_ADDRESS !== undefined && isWildcardAddress(env.RTC_ANNOUNCED_ADDRESS)) {
    throw new Error(`RTC_ANNOUNCED_ADDRESS must be an address browsers can reach, not ${env.RTC_ANNOUNCED_ADDRESS} (set the public IP address or host name of this machine)`);
  }
  if (env.RTC_ANNOUNCED_ADDRESS !== undefined) return { listenIp, announcedAddress: env.RTC_ANNOUNCED_ADDRESS, local };
  if (!isWildcardAddress(listenIp)) return { listenIp, local };
  if (local) return { listenIp, announcedAddress: isIP(listenIp) === 6 ? '::1' : '127.0.0.1', local };
  throw new Error(mediaAddressRequired(listenIp, env.RTC_LISTEN_IP === undefined));
}

function mediaAddressRequired(listenIp: string, defaulted: boolean): string {
  return (
    `RTC_ANNOUNCED_ADDRESS is required: PUBLIC_URL is set, so browsers on other machines need the media, and the media ` +
    `listen on every interface (RTC_LISTEN_IP=${listenIp}${defaulted ? ', the default with a PUBLIC_URL' : ''}), an address a browser cannot be given. ` +
    'Set RTC_ANNOUNCED_ADDRESS to the public IP address or host name browsers reach this machine on (e.g. RTC_ANNOUNCED_ADDRESS=203.0.113.10), ' +
    'or set RTC_LISTEN_IP to that address of this machine.'
  );
}
