// A fresh process: import the package given as argument and load the bundled policies once.
// Prints {"ms": …}: from before the import to a policy set ready to decide (Node's own start-up
// excluded, the import of the package and its dependencies included).
const started = performance.now();
const { loadPolicies } = await import(process.argv[2]);
const policies = await loadPolicies();
const ms = performance.now() - started;
if (!policies.points.includes('reaction')) throw new Error('the bundled policies did not load');
console.log(JSON.stringify({ ms }));
