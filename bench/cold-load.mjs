// A fresh process: import the package given as argument and load the bundled policies once.
// Prints {"ms": …, "cpuMs": …}: from before the import to a policy set ready to decide (Node's
// own start-up excluded; the import of the package and its dependencies included), as wall time
// and as this process's CPU time (less disturbed by other work on the machine).
const started = performance.now();
const cpu = process.cpuUsage();
const { loadPolicies } = await import(process.argv[2]);
const policies = await loadPolicies();
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
if (!policies.points.includes('reaction')) throw new Error('the bundled policies did not load');
console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000 }));
