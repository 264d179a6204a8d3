import { describe, expect, it } from 'vitest';
import { summarizeFile } from '../../../src/context/summarize-file.js';
import { callRows, definitionRows } from './summary-rows.js';

// A Laravel controller: namespace, single, grouped, aliased and function imports, a require,
// `const` and `define()` constants, an interface, a class and a backed enum.
const invoiceController = String.raw`<?php

declare(strict_types=1);

namespace App\Http\Controllers;

use App\Models\Invoice;
use App\Services\{PdfRenderer, Mailer as InvoiceMailer};
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log as Logger;
use function App\Support\format_money;

require_once __DIR__ . '/../../helpers.php';

const DEFAULT_CURRENCY = 'EUR';
define('INVOICE_PDF_DIR', storage_path('invoices'));

interface SendsInvoices
{
    public function send(Invoice $invoice): void;
}

final class InvoiceController extends Controller implements SendsInvoices
{
    use AuthorizesRequests;

    public const PER_PAGE = 25;

    public function __construct(
        private readonly PdfRenderer $renderer,
        private readonly InvoiceMailer $mailer,
    ) {}

    public function show(Request $request, int $id): string
    {
        $invoice = Invoice::with('lines')->findOrFail($id);
        $this->authorize('view', $invoice);
        Logger::info('invoice viewed', ['id' => $id]);
        return $this->renderer->render($invoice, format_money($invoice->total, DEFAULT_CURRENCY));
    }

    public function send(Invoice $invoice): void
    {
        $pdf = new \App\Pdf\Document($this->renderer->render($invoice));
        $this->mailer?->deliver($invoice->customer, $pdf);
    }
}

enum InvoiceStatus: string
{
    case Draft = 'draft';
    case Paid = 'paid';
}
`;

describe('php', () => {
  describe('a Laravel controller', () => {
    it('defines the namespace, constants, interface, class, methods and enum', async () => {
      const summary = await summarizeFile(invoiceController, 'php');
      expect(definitionRows(summary)).toEqual([
        'module App\\Http\\Controllers 5-5',
        'constant DEFAULT_CURRENCY 15-15',
        'constant INVOICE_PDF_DIR 16-16',
        'interface SendsInvoices 18-21',
        'method send 20-20',
        'class InvoiceController 23-47',
        'constant PER_PAGE 27-27',
        'method __construct 29-32',
        'method show 34-40',
        'method send 42-46',
        'enum InvoiceStatus 49-53',
      ]);
      expect(summary.hasErrors).toBe(false);
    });

    it('reports function, member, static and nullsafe calls and `new X` by name', async () => {
      const calls = (await summarizeFile(invoiceController, 'php', { calls: true })).calls ?? [];
      expect(callRows(calls)).toEqual([
        'define:16',
        'storage_path:16',
        'with:36',
        'findOrFail:36',
        'authorize:37',
        'info:38',
        'render:39',
        'format_money:39',
        'Document:44',
        'render:44',
        'deliver:45',
      ]);
    });

    it('reports use statements by the name in full, a group by its prefix, and a require', async () => {
      const summary = await summarizeFile(invoiceController, 'php');
      expect(summary.imports).toEqual([
        {
          source: 'App\\Models\\Invoice',
          line: 7,
          bindings: [{ name: 'Invoice', alias: null }],
          reexport: false,
        },
        {
          source: 'App\\Services',
          line: 8,
          bindings: [
            { name: 'PdfRenderer', alias: null },
            { name: 'Mailer', alias: 'InvoiceMailer' },
          ],
          reexport: false,
        },
        {
          source: 'Illuminate\\Http\\Request',
          line: 9,
          bindings: [{ name: 'Request', alias: null }],
          reexport: false,
        },
        {
          source: 'Illuminate\\Support\\Facades\\Log',
          line: 10,
          bindings: [{ name: 'Log', alias: 'Logger' }],
          reexport: false,
        },
        {
          source: 'App\\Support\\format_money',
          line: 11,
          bindings: [{ name: 'format_money', alias: null }],
          reexport: false,
        },
        { source: '/../../helpers.php', line: 13, bindings: [], reexport: false },
      ]);
    });
  });

  describe('a script of plain functions and includes', () => {
    it('defines the functions and imports each included file', async () => {
      const source = [
        '<?php',
        "require 'config.php';",
        'include_once("lib/db.php");',
        '',
        'function find_user(PDO $db, int $id): ?array',
        '{',
        '    $stmt = $db->prepare("SELECT * FROM users WHERE id = ?");',
        '    $stmt->execute([$id]);',
        '    return $stmt->fetch() ?: null;',
        '}',
      ].join('\n');
      const summary = await summarizeFile(source, 'php');
      expect(definitionRows(summary)).toEqual(['function find_user 5-10']);
      expect(callRows((await summarizeFile(source, 'php', { calls: true })).calls ?? [])).toEqual([
        'prepare:7',
        'execute:8',
        'fetch:9',
      ]);
      expect(summary.imports).toEqual([
        { source: 'config.php', line: 2, bindings: [], reexport: false },
        { source: 'lib/db.php', line: 3, bindings: [], reexport: false },
      ]);
    });
  });
});
