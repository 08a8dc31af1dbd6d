import { Testing } from 'cdktf';

Testing.setupJest();

// tests are about what a build gives: the synth cache stays off unless a test turns it on with a folder of its own
if (process.env.GOVCLOUD_CACHE === undefined) process.env.GOVCLOUD_CACHE = 'off';
