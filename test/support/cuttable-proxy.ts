import { createSocket, RemoteInfo, Socket as UdpSocket } from 'node:dgram';
import { createConnection, createServer, Server, Socket } from 'node:net';

export interface ProxiedPort {
  port: number;
  tcp?: boolean;
  udp?: boolean;
}

export interface CuttableProxy {
  /** From now on nothing crosses: UDP is dropped, TCP connections stall (as in a real cut). */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * A network path between browsers and the server that a test can cut. It listens on `listenHost`
 * (another loopback address, e.g. 127.0.0.2) with the same port numbers as `targetHost`, so the
 * server only has to announce `listenHost` as its media address and pages are opened through it.
 *
 * NOTE: a cut neither closes nor resets anything, as when a cable is pulled or a 4G cell is lost:
 * UDP datagrams vanish and TCP stops moving (stalled connections deliver what they hold once the
 * path is back; new ones are accepted but stay silent).
 */
export async function startCuttableProxy(listenHost: string, targetHost: string, ports: ProxiedPort[]): Promise<CuttableProxy> {
  let isCut = false;
  const tcpPairs = new Set<[Socket, Socket]>();
  const servers: Server[] = [];
  const udpSockets: UdpSocket[] = [];

  const forward = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => to.write(chunk));
    from.on('end', () => to.end());
    from.on('error', () => to.destroy());
    from.on('close', () => to.destroy());
  };

  for (const { port, tcp = true, udp = false } of ports) {
    if (tcp) {
      const server = createServer((client) => {
        const upstream = createConnection({ host: targetHost, port });
        const pair: [Socket, Socket] = [client, upstream];
        tcpPairs.add(pair);
        client.on('close', () => tcpPairs.delete(pair));
        forward(client, upstream);
        forward(upstream, client);
        if (isCut) pair.forEach((s) => s.pause());
      });
      await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, listenHost, () => resolve()));
      servers.push(server);
    }
    if (udp) {
      // One upstream socket per browser address, so the server sees each sender apart.
      const front = createSocket('udp4');
      const upstreams = new Map<string, UdpSocket>();
      front.on('message', (msg, from: RemoteInfo) => {
        if (isCut) return;
        const key = `${from.address}:${from.port}`;
        let up = upstreams.get(key);
        if (!up) {
          up = createSocket('udp4');
          up.on('message', (reply) => !isCut && front.send(reply, from.port, from.address));
          up.bind(0, targetHost);
          upstreams.set(key, up);
          udpSockets.push(up);
        }
        up.send(msg, port, targetHost);
      });
      await new Promise<void>((resolve, reject) => front.once('error', reject).bind(port, listenHost, () => resolve()));
      udpSockets.push(front);
    }
  }

  return {
    cut() {
      isCut = true;
      for (const pair of tcpPairs) pair.forEach((s) => s.pause());
    },
    restore() {
      isCut = false;
      for (const pair of tcpPairs) pair.forEach((s) => s.resume());
    },
    async close() {
      for (const pair of tcpPairs) pair.forEach((s) => s.destroy());
      for (const s of udpSockets) s.close();
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}
