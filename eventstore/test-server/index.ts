export { startTestServer, type TestServer, type TestServerMethod, type TestServerOptions } from './start-test-server';
export { EMULATED_SERVER_VERSION } from './cluster-services';
