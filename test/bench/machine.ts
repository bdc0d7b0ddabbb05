/** The machine the numbers were measured on: they mean little without it. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

function tryRun(file: string, args: string[]): string | undefined {
  try {
    return execFileSync(file, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release)?.[1] ?? `${os.type()} ${os.release()}`;
  } catch {
    return `${os.type()} ${os.release()}`;
  }
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  chromium: string;
  postgres: string;
  date: string;
  /** 1-minute load average when the run began (other work on the machine skews timings). */
  loadStart: number;
  loadEnd?: number;
}

export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${osName()} (${os.arch()}, kernel ${os.release()})`,
    node: process.version,
    chromium: tryRun('/usr/bin/chromium', ['--version']) ?? 'not found',
    postgres: tryRun('/usr/lib/postgresql/15/bin/postgres', ['--version']) ?? 'not found',
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadStart: os.loadavg()[0] ?? 0,
  };
}

export function machineMarkdown(m: MachineInfo): string {
  return [
    `- CPU: ${m.cpu}, ${m.cores} logical cores`,
    `- Memory: ${m.memory}`,
    `- OS: ${m.os}`,
    `- Node: ${m.node}; browser: ${m.chromium}; database: ${m.postgres} and SQLite (better-sqlite3)`,
    `- Date: ${m.date}`,
    `- Load average (1 min) at the start: ${m.loadStart.toFixed(1)}${m.loadEnd === undefined ? '' : `; at the end: ${m.loadEnd.toFixed(1)}`} (anything above 0 is other work sharing the CPUs)`,
  ].join('\n');
}
