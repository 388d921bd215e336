import { type ChannelRun, type ChannelTasks } from './channel.js';
/** Email: one task per decision, over one pooled SMTP transport created on first use and closed at the end. */
export declare function emailChannel(run: ChannelRun): ChannelTasks;
