export { startTestServer, type TestServer, type TestServerMethod, type TestServerOptions } from './start-test-server';
export { startTestCluster, type TestCluster, type TestClusterOptions } from './start-test-cluster';
export { EMULATED_SERVER_VERSION } from './cluster-services';
