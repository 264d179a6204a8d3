import { describe, expect, it } from 'vitest';
import { summarizeFile } from '../../../src/context/summarize-file.js';
import { callRows, definitionRows } from './summary-rows.js';

// A Spring-style service: single, static and wildcard imports, constants, a constructor, and
// nested enum, record and interface declarations.
const orderService = `package com.example.shop.orders;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import static java.util.Objects.requireNonNull;
import com.example.shop.payments.*;

@Service
public class OrderService {
    public static final int MAX_ITEMS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

    private final OrderRepository repository;
    private final PaymentGateway payments;
    private final Clock clock;

    public OrderService(OrderRepository repository, PaymentGateway payments, Clock clock) {
        this.repository = requireNonNull(repository);
        this.payments = requireNonNull(payments);
        this.clock = clock;
    }

    public Optional<Order> findOrder(long id) {
        return repository.findById(id);
    }

    @Transactional
    public Order placeOrder(Customer customer, List<LineItem> items) {
        if (items.size() > MAX_ITEMS) {
            throw new TooManyItemsException(items.size(), MAX_ITEMS);
        }
        Order order = new Order(customer, items, clock.instant());
        payments.charge(customer, order.total());
        LOG.info("placed order {}", order.getId());
        return repository.save(order);
    }

    public enum Status { PENDING, PAID, SHIPPED }

    public record Summary(long id, Status status) {}

    interface Listener {
        void onPlaced(Order order);
    }
}
`;

describe('java', () => {
  describe('a service class with an import list and a constructor', () => {
    it('defines the class, its static final fields, constructor, methods and nested types', async () => {
      const summary = await summarizeFile(orderService, 'java');
      expect(definitionRows(summary)).toEqual([
        'class OrderService 9-46',
        'constant MAX_ITEMS 11-11',
        'constant LOG 12-12',
        'method OrderService 18-22',
        'method findOrder 24-26',
        'method placeOrder 28-37',
        'enum Status 39-39',
        'class Summary 41-41',
        'interface Listener 43-45',
        'method onPlaced 44-44',
      ]);
      expect(summary.hasErrors).toBe(false);
    });

    it('reports method invocations by name and `new X(…)` as a call of X', async () => {
      const calls = (await summarizeFile(orderService, 'java', { calls: true })).calls ?? [];
      expect(callRows(calls)).toEqual([
        'getLogger:12',
        'requireNonNull:19',
        'requireNonNull:20',
        'findById:25',
        'size:30',
        'TooManyItemsException:31',
        'size:31',
        'Order:33',
        'instant:33',
        'charge:34',
        'total:34',
        'info:35',
        'getId:35',
        'save:36',
      ]);
    });

    it('reports the imported name in full as the source, and a wildcard without a binding', async () => {
      const summary = await summarizeFile(orderService, 'java');
      expect(summary.imports).toEqual([
        { source: 'java.time.Clock', line: 3, bindings: [{ name: 'Clock', alias: null }], reexport: false },
        { source: 'java.util.List', line: 4, bindings: [{ name: 'List', alias: null }], reexport: false },
        {
          source: 'java.util.Optional',
          line: 5,
          bindings: [{ name: 'Optional', alias: null }],
          reexport: false,
        },
        {
          source: 'java.util.Objects.requireNonNull',
          line: 6,
          bindings: [{ name: 'requireNonNull', alias: null }],
          reexport: false,
        },
        { source: 'com.example.shop.payments', line: 7, bindings: [], reexport: false },
      ]);
    });
  });
});
