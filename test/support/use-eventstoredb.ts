// Jest setup file of the `e2e-eventstoredb` project: the same e2e files, on EventStoreDB through the protocol
// test server (see test-store.ts).
process.env.REGISTRY_TEST_STORE = 'eventstoredb';
