/** Progress on one redrawn terminal line; plain lines when output is not a terminal (CI logs, pipes). */
export class ProgressDisplay {
  private readonly tty = Boolean(process.stderr.isTTY);
  private last = '';

  update(stage: string, percent: number, detail?: string): void {
    const label = STAGE_LABELS[stage] ?? stage;
    const width = 24;
    const filled = Math.round((percent / 100) * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${label}${detail ? ` — ${detail}` : ''}`;
    if (this.tty) process.stderr.write(`\r${line.padEnd(this.last.length)}`);
    else if (line !== this.last) process.stderr.write(`${line}\n`);
    this.last = line;
  }

  finish(): void {
    if (this.tty && this.last) process.stderr.write('\n');
  }
}

const STAGE_LABELS: Record<string, string> = {
  reading: '读取数据 reading',
  building: '构建模型 building the model',
  solving: '求解 solving',
  naming: '确定人选 naming teachers',
  writing: '写出方案 writing',
  done: '完成 done',
};
