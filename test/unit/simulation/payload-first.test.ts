import { describe, expect, it } from 'vitest';
import { payloadFirst } from '../../../shared/simulation/payload-first';

describe('a raw zone row shown payload first', () => {
  it('leads with the change’s own columns and folds away the engine’s and the empty ones', () => {
    const row = { _position: 7, _lsn: 120, _tx: null, op: 'c', before_ticket_id: null, after_ticket_id: 100005 };
    expect(payloadFirst([row])).toEqual({
      payload: [{ op: 'c', after_ticket_id: 100005 }],
      folded: [{ _position: 7, _lsn: 120, _tx: null, before_ticket_id: null }],
    });
  });

  it('keeps a column empty in one row but not another among the payload', () => {
    const rows = [
      { _position: 1, after_price: null },
      { _position: 2, after_price: 9.5 },
    ];
    expect(payloadFirst(rows).payload).toEqual([{ after_price: null }, { after_price: 9.5 }]);
  });

  it('keeps in view a column the change nulled: empty after, filled before', () => {
    const row = { _position: 9, before_station: 'Svalbard', after_station: null, after_pass_id: 6 };
    expect(payloadFirst([row]).payload).toEqual([
      { before_station: 'Svalbard', after_station: null, after_pass_id: 6 },
    ]);
  });

  it('folds away a delete’s empty after image: a delete has none, it nulled no column', () => {
    const row = {
      _position: 10,
      _op: 'd',
      before_station: 'Svalbard',
      after_station: null,
      before_pass_id: 6,
      after_pass_id: null,
    };
    expect(payloadFirst([row])).toEqual({
      payload: [{ before_station: 'Svalbard', before_pass_id: 6 }],
      folded: [{ _position: 10, _op: 'd', after_station: null, after_pass_id: null }],
    });
  });

  it('keeps in view a column the stage marks, though empty with no before image (a create a null-field fault re-sent)', () => {
    const row = { _position: 4, _op: 'c', before_email: null, after_email: null, after_id: 1 };
    expect(payloadFirst([row], ['after_email'])).toEqual({
      payload: [{ after_email: null, after_id: 1 }],
      folded: [{ _position: 4, _op: 'c', before_email: null }],
    });
  });
});
