#!/usr/bin/env python3
# Median wall-clock and CPU (user + system, from getrusage) of N runs of a command, process start
# included: python3 scripts/median_cpu.py 21 build-release/jianbao --db A person NAME
import sys, subprocess, resource, time, statistics
n=int(sys.argv[1]); cmd=sys.argv[2:]
cpus=[]; walls=[]
for i in range(n):
    r0=resource.getrusage(resource.RUSAGE_CHILDREN); t0=time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t1=time.perf_counter(); r1=resource.getrusage(resource.RUSAGE_CHILDREN)
    cpus.append((r1.ru_utime-r0.ru_utime+r1.ru_stime-r0.ru_stime)*1000); walls.append((t1-t0)*1000)
print(f"median wall {statistics.median(walls):.1f} ms, CPU {statistics.median(cpus):.1f} ms (n={n})")
