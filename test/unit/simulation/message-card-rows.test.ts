import { describe, expect, it } from 'vitest';
import { ABSENT, envelopeRows } from '../../../renderer/simulation/message-card';
import { type ChangeImages, changeImages } from '../../../shared/simulation/record-shape';

/** A record's images as the card reads them, from the value the engine writes. */
function imagesOf(value: object): ChangeImages {
  const images = changeImages(value);
  if (!images) throw new Error('not a change event');
  return images;
}

const mongoSource = { connector: 'mongodb', name: 'shop', db: 'shop-db', collection: 'items', ord: 21 };

describe('the rows of a change’s card in the Inspect tab', () => {
  it('show a MongoDB delete, which has neither image, as the _id its key holds, and say the document is deleted', () => {
    const deletion = imagesOf({ before: null, after: null, updateDescription: null, source: mongoSource, op: 'd' });

    expect(envelopeRows(deletion, { id: '2' })).toEqual({
      rows: [{ name: '_id', before: 2, after: ABSENT, isChanged: false }],
      note: 'Document deleted: MongoDB’s record carries only its _id, in the key.',
    });
    expect(envelopeRows(deletion, { id: '{"order_id": 7,"line_no": 2}' }).rows).toEqual([
      { name: '_id', before: { order_id: 7, line_no: 2 }, after: ABSENT, isChanged: false },
    ]);
    expect(envelopeRows(deletion, { id: '"A-1"' }).rows[0]?.before).toBe('A-1');
  });

  it('show a MongoDB update’s document with the fields it set marked, and no before image', () => {
    const update = imagesOf({
      before: null,
      after: '{"_id": {"$numberLong": "2"},"id": {"$numberLong": "2"},"price": 20.0}',
      updateDescription: { removedFields: null, updatedFields: '{"price": 20.0}', truncatedArrays: null },
      source: mongoSource,
      op: 'u',
    });

    expect(envelopeRows(update, { id: '2' })).toEqual({
      rows: [
        { name: '_id', before: ABSENT, after: 2, isChanged: false },
        { name: 'id', before: ABSENT, after: 2, isChanged: false },
        { name: 'price', before: ABSENT, after: 20, isChanged: true },
      ],
    });
  });

  it('put an update’s changed fields first when asked, in table order otherwise', () => {
    const update = imagesOf({
      before: { id: 2, name: 'chair', price: 10 },
      after: { id: 2, name: 'chair', price: 20 },
      source: { connector: 'postgresql', table: 'items' },
      op: 'u',
    });

    expect(envelopeRows(update, { id: 2 }, true).rows.map((row) => [row.name, row.isChanged])).toEqual([
      ['price', true],
      ['id', false],
      ['name', false],
    ]);
    expect(envelopeRows(update, { id: 2 }).rows.map((row) => row.name)).toEqual(['id', 'name', 'price']);
  });

  it('show a truncate, which has no key and no images, as a note for the whole table, no empty table', () => {
    const truncate = imagesOf({
      before: null,
      after: null,
      source: { connector: 'postgresql', name: 'shop', db: 'shop', table: 'items' },
      op: 't',
    });

    expect(envelopeRows(truncate, null)).toEqual({
      rows: [],
      note: 'Table truncated: one record for the whole table, with no key and no row images.',
    });
  });

  it('show a relational delete’s before image, field by field', () => {
    const deletion = imagesOf({
      before: { id: 2, name: 'chair' },
      after: null,
      source: { connector: 'postgresql', table: 'items' },
      op: 'd',
    });

    expect(envelopeRows(deletion, { id: 2 })).toEqual({
      rows: [
        { name: 'id', before: 2, after: ABSENT, isChanged: false },
        { name: 'name', before: 'chair', after: ABSENT, isChanged: false },
      ],
    });
  });

  describe('under PostgreSQL’s REPLICA IDENTITY DEFAULT, whose before images hold only the key', () => {
    const postgres = { connector: 'postgresql', table: 'items' };

    it('show an update’s after image with no before column to diff, and say the before image is not sent', () => {
      const update = imagesOf({ before: null, after: { id: 2, name: 'chair' }, source: postgres, op: 'u' });

      expect(envelopeRows(update, { id: 2 }, false, ['id'])).toEqual({
        rows: [
          { name: 'id', before: ABSENT, after: 2, isChanged: false },
          { name: 'name', before: ABSENT, after: 'chair', isChanged: false },
        ],
        note: 'Under REPLICA IDENTITY DEFAULT the record carries no before image: what the update changed is not in it. Set the table to FULL to see it.',
      });
    });

    it('show a delete’s old key only, not its other fields as nulls, and say so', () => {
      const deletion = imagesOf({ before: { id: 2, name: null }, after: null, source: postgres, op: 'd' });

      expect(envelopeRows(deletion, { id: 2 }, false, ['id'])).toEqual({
        rows: [
          { name: 'id', before: 2, after: ABSENT, isChanged: false },
          { name: 'name', before: ABSENT, after: ABSENT, isChanged: false },
        ],
        note: 'Under REPLICA IDENTITY DEFAULT the record’s before image holds only the old key: the other values of the deleted row are not in it. Set the table to FULL to see them.',
      });
    });
  });
});
