import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Readings from /proc: what the kernel charged to a process, independent of who drives it. */
export class ProcReader {
  private readonly ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

  /** User + system CPU seconds consumed so far by `pid` (all its threads). */
  cpuSeconds(pid: number): number {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / this.ticksPerSecond;
  }

  rssMb(pid: number): number {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  }

  /** Busy CPU seconds of the whole machine, all cores together (iowait counts as idle). */
  machineBusySeconds(): number {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / this.ticksPerSecond;
  }

  /** Datagrams the kernel dropped because a socket's receive buffer was full (any process). */
  udpReceiveBufferErrors(): number {
    const lines = readFileSync('/proc/net/snmp', 'utf8').split('\n').filter((l) => l.startsWith('Udp:'));
    const names = lines[0]!.split(/\s+/);
    const values = lines[1]!.split(/\s+/);
    return Number(values[names.indexOf('RcvbufErrors')] ?? 0);
  }

  cpuModel(): string {
    const match = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return match?.[1]?.trim() ?? 'unknown';
  }

  loadAverage(): number[] {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  }
}
