import { describe, expect, it } from 'vitest';
import { summarizeFile } from '../../../src/context/summarize-file.js';
import { callRows, definitionRows } from './summary-rows.js';

// A Rails model inside a module: constants, a class method, instance methods with a rescue,
// `class << self`, and a top-level helper.
const subscription = `# frozen_string_literal: true

require "stripe"
require_relative "../support/money"

module Billing
  GRACE_PERIOD = 3.days

  class Subscription < ApplicationRecord
    PLANS = %w[basic pro enterprise].freeze

    belongs_to :account
    validates :plan, inclusion: { in: PLANS }

    def self.renew_all!(now: Time.current)
      where("renews_at <= ?", now).find_each do |subscription|
        subscription.renew!
      end
    end

    def renew!
      charge = Stripe::Charge.create(amount: price_cents, customer: account.stripe_id)
      update!(renews_at: renews_at + 1.month, last_charge_id: charge.id)
    rescue Stripe::CardError => e
      Rails.logger.warn("renewal failed: #{e.message}")
      suspend!(grace_until: Time.current + GRACE_PERIOD)
    end

    def price_cents
      Money.cents(plan)
    end

    class << self
      def for_plan(plan)
        where(plan: plan)
      end
    end
  end
end

def billing_enabled?
  ENV.fetch("BILLING_ENABLED", "true") == "true"
end
`;

describe('ruby', () => {
  describe('a Rails model in a module', () => {
    it('defines the module, class, constants, and defs as methods inside a class or module', async () => {
      const summary = await summarizeFile(subscription, 'ruby');
      expect(definitionRows(summary)).toEqual([
        'module Billing 6-39',
        'constant GRACE_PERIOD 7-7',
        'class Subscription 9-38',
        'constant PLANS 10-10',
        'method renew_all! 15-19',
        'method renew! 21-27',
        'method price_cents 29-31',
        'method for_plan 34-36',
        'function billing_enabled? 41-43',
      ]);
      expect(summary.hasErrors).toBe(false);
    });

    it('reports explicit calls, with or without a receiver, and no bare identifiers', async () => {
      const calls = (await summarizeFile(subscription, 'ruby', { calls: true })).calls ?? [];
      expect(callRows(calls)).toEqual([
        'require:3',
        'require_relative:4',
        'days:7',
        'freeze:10',
        'belongs_to:12',
        'validates:13',
        'current:15',
        'where:16',
        'find_each:16',
        'renew!:17',
        'create:22',
        'stripe_id:22',
        'update!:23',
        'month:23',
        'id:23',
        'logger:25',
        'warn:25',
        'message:25',
        'suspend!:26',
        'current:26',
        'cents:30',
        'where:35',
        'fetch:42',
      ]);
    });

    it('reports require and require_relative with the string as the source', async () => {
      const summary = await summarizeFile(subscription, 'ruby');
      expect(summary.imports).toEqual([
        { source: 'stripe', line: 3, bindings: [], reexport: false },
        { source: '../support/money', line: 4, bindings: [], reexport: false },
      ]);
    });
  });

  describe('a namespaced class with setter and operator methods', () => {
    it('names the class by its last segment and each method as written', async () => {
      const source = [
        'class Admin::AuditLog < ApplicationRecord',
        '  Admin::RETENTION = 90',
        '  def actor=(user)',
        '    self.actor_id = user.id',
        '  end',
        '',
        '  def <=>(other) = created_at <=> other.created_at',
        'end',
      ].join('\n');
      const summary = await summarizeFile(source, 'ruby');
      expect(definitionRows(summary)).toEqual([
        'class AuditLog 1-8',
        'constant RETENTION 2-2',
        'method actor= 3-5',
        'method <=> 7-7',
      ]);
    });
  });
});
