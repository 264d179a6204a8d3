import { describe, expect, it } from 'vitest';
import { summarizeFile } from '../../../src/context/summarize-file.js';
import { callRows, definitionRows } from './summary-rows.js';

// An Express webhook receiver in CommonJS: requires in every shape, functions, a class, and
// assignments to module.exports.
const webhooks = `'use strict';

const crypto = require('node:crypto');
const express = require('express');
const { verifySignature, parseEvent: parse } = require('./lib/events');
const logger = require('./lib/logger').child({ module: 'webhooks' });
const Queue = require('bull');

const MAX_BODY_BYTES = 1024 * 1024;
const queue = new Queue('deliveries', process.env.REDIS_URL);

function rawBody(req, res, buf) {
  req.rawBody = buf;
}

async function handleDelivery(req, res) {
  const signature = req.get('x-hub-signature-256');
  if (!verifySignature(req.rawBody, signature, process.env.WEBHOOK_SECRET)) {
    logger.warn({ delivery: req.get('x-github-delivery') }, 'bad signature');
    return res.status(401).end();
  }
  const event = parse(req.body);
  await queue.add(event.name, event.payload, { jobId: crypto.randomUUID() });
  res.status(202).json({ queued: true });
}

class DeliveryError extends Error {
  constructor(message, delivery) {
    super(message);
    this.delivery = delivery;
  }
}

const router = express.Router();
router.post('/webhooks', express.json({ limit: MAX_BODY_BYTES, verify: rawBody }), handleDelivery);

module.exports = { router, DeliveryError };
module.exports.retry = async (id) => queue.getJob(id).then((job) => job?.retry());
`;

describe('javascript', () => {
  describe('a CommonJS Express module', () => {
    it('defines functions, the class and module-level constants, but not the requires', async () => {
      const summary = await summarizeFile(webhooks, 'javascript');
      expect(definitionRows(summary)).toEqual([
        'constant logger 6-6',
        'constant MAX_BODY_BYTES 9-9',
        'constant queue 10-10',
        'function rawBody 12-14',
        'function handleDelivery 16-25',
        'class DeliveryError 27-32',
        'method constructor 28-31',
        'constant router 34-34',
        'function retry 38-38',
      ]);
      expect(summary.hasErrors).toBe(false);
    });

    it('reports calls and `new` by name', async () => {
      const calls = (await summarizeFile(webhooks, 'javascript', { calls: true })).calls ?? [];
      expect(callRows(calls)).toEqual([
        'require:3',
        'require:4',
        'require:5',
        'require:6',
        'child:6',
        'require:7',
        'Queue:10',
        'get:17',
        'verifySignature:18',
        'warn:19',
        'get:19',
        'status:20',
        'end:20',
        'parse:22',
        'add:23',
        'randomUUID:23',
        'status:24',
        'json:24',
        'Router:34',
        'post:35',
        'json:35',
        'getJob:38',
        'then:38',
        'retry:38',
      ]);
    });

    it('reports a required module as a namespace and a destructured require as named imports', async () => {
      const summary = await summarizeFile(webhooks, 'javascript');
      expect(summary.imports).toEqual([
        { source: 'node:crypto', line: 3, bindings: [{ name: '*', alias: 'crypto' }], reexport: false },
        { source: 'express', line: 4, bindings: [{ name: '*', alias: 'express' }], reexport: false },
        {
          source: './lib/events',
          line: 5,
          bindings: [
            { name: 'verifySignature', alias: null },
            { name: 'parseEvent', alias: 'parse' },
          ],
          reexport: false,
        },
        { source: 'bull', line: 7, bindings: [{ name: '*', alias: 'Queue' }], reexport: false },
      ]);
    });
  });
});
