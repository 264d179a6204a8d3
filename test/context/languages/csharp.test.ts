import { describe, expect, it } from 'vitest';
import { summarizeFile } from '../../../src/context/summarize-file.js';
import { callRows, definitionRows } from './summary-rows.js';

// An ASP.NET-style service: namespace imports and an alias, a block namespace holding an
// interface, an enum, a record and a class with constants, a constructor and a property.
const invoiceService = `using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Money = System.Decimal;

namespace Billing.Invoices
{
    public interface IInvoiceStore
    {
        Task<Invoice?> FindAsync(Guid id);
    }

    public enum InvoiceState { Draft, Sent, Paid }

    public record InvoiceLine(string Sku, int Quantity, Money UnitPrice);

    public sealed class InvoiceService
    {
        public const int MaxLines = 200;
        private static readonly TimeSpan DueAfter = TimeSpan.FromDays(30);

        private readonly IInvoiceStore _store;
        private readonly ILogger<InvoiceService> _logger;

        public InvoiceService(IInvoiceStore store, ILogger<InvoiceService> logger)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _logger = logger;
        }

        public int Issued { get; private set; }

        public async Task<Invoice> IssueAsync(Guid id, IReadOnlyList<InvoiceLine> lines)
        {
            var invoice = await _store.FindAsync(id) ?? new Invoice(id);
            foreach (var line in lines)
            {
                invoice.AddLine(line.Sku, line.Quantity * line.UnitPrice);
            }
            invoice.DueDate = DateTime.UtcNow.Add(DueAfter);
            _logger.LogInformation("Issued invoice {Id}", id);
            Issued++;
            return invoice;
        }
    }
}
`;

describe('csharp', () => {
  describe('a service class in a namespace', () => {
    it('defines the namespace, types, constants, constructor, property and methods', async () => {
      const summary = await summarizeFile(invoiceService, 'csharp');
      expect(definitionRows(summary)).toEqual([
        'module Billing.Invoices 7-47',
        'interface IInvoiceStore 9-12',
        'method FindAsync 11-11',
        'enum InvoiceState 14-14',
        'class InvoiceLine 16-16',
        'class InvoiceService 18-46',
        'constant MaxLines 20-20',
        'constant DueAfter 21-21',
        'method InvoiceService 26-30',
        'method Issued 32-32',
        'method IssueAsync 34-45',
      ]);
      expect(summary.hasErrors).toBe(false);
    });

    it('reports invocations by member name and `new X(…)` as a call of X, leaving out nameof', async () => {
      const calls = (await summarizeFile(invoiceService, 'csharp', { calls: true })).calls ?? [];
      expect(callRows(calls)).toEqual([
        'FromDays:21',
        'ArgumentNullException:28',
        'FindAsync:36',
        'Invoice:36',
        'AddLine:39',
        'Add:41',
        'LogInformation:42',
      ]);
    });

    it('reports a namespace import without a binding and an alias as a renamed last segment', async () => {
      const summary = await summarizeFile(invoiceService, 'csharp');
      expect(summary.imports).toEqual([
        { source: 'System', line: 1, bindings: [], reexport: false },
        { source: 'System.Collections.Generic', line: 2, bindings: [], reexport: false },
        { source: 'System.Threading.Tasks', line: 3, bindings: [], reexport: false },
        { source: 'Microsoft.Extensions.Logging', line: 4, bindings: [], reexport: false },
        {
          source: 'System.Decimal',
          line: 5,
          bindings: [{ name: 'Decimal', alias: 'Money' }],
          reexport: false,
        },
      ]);
    });
  });

  describe('a file-scoped namespace with static and global usings', () => {
    it('defines the namespace on its line and imports the named types', async () => {
      const source = [
        'global using System.Linq;',
        'using static System.Math;',
        '',
        'namespace Geometry;',
        '',
        'public readonly record struct Point(double X, double Y)',
        '{',
        '    public double DistanceTo(Point other) => Sqrt(Pow(X - other.X, 2) + Pow(Y - other.Y, 2));',
        '}',
      ].join('\n');
      const summary = await summarizeFile(source, 'csharp');
      expect(definitionRows(summary)).toEqual([
        'module Geometry 4-4',
        'class Point 6-9',
        'method DistanceTo 8-8',
      ]);
      expect(callRows((await summarizeFile(source, 'csharp', { calls: true })).calls ?? [])).toEqual([
        'Sqrt:8',
        'Pow:8',
        'Pow:8',
      ]);
      expect(summary.imports).toEqual([
        { source: 'System.Linq', line: 1, bindings: [], reexport: false },
        { source: 'System.Math', line: 2, bindings: [], reexport: false },
      ]);
    });
  });
});
