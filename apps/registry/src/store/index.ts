export { EVENT_STORE } from './event-store.token';
export { StoreModule } from './store.module';
export { LogWrites } from './log-writes';
