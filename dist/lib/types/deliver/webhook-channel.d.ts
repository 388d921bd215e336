import { type ChannelRun, type ChannelTasks } from './channel.js';
/**
 * Webhooks: one task per rule, delivering that rule's decisions in tick order, so its failure counter
 * and auto-disable are counted exactly. Keyed by the receiver's host for the per-host bound.
 */
export declare function webhookChannel(run: ChannelRun): ChannelTasks;
