import { type ChannelRun, type ChannelTasks } from './channel.js';
/** Push through API Alerts: one task per decision. */
export declare function pushChannel(run: ChannelRun): ChannelTasks;
