import { describe, expect, it } from 'vitest';
import { classifiedFields } from '../../../shared/export/classified-fields';
import { contractFromYaml } from './unseen-meshes';

const stationReadings = contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: surface-obs
name: Surface observations
version: 1.0.0
status: active
schema:
  - name: station readings
    properties:
      - name: station_id
        logicalType: string
        classification: internal
      - name: observer
        logicalType: object
        properties:
          - name: staff_number
            logicalType: string
            classification: restricted
          - name: home
            logicalType: object
            properties:
              - name: postcode
                logicalType: string
                classification: pii
      - name: present_weather
        logicalType: array
        items:
          logicalType: object
          properties:
            - name: reported_by
              logicalType: string
              classification: confidential
            - name: code
              logicalType: string
`);

describe('classified fields of a contract', () => {
  it('names every classified field at any depth by its path, as the contract checks name nested fields', () => {
    expect(classifiedFields(stationReadings)).toEqual([
      { field: 'station readings.station_id', classification: 'internal' },
      { field: 'station readings.observer.staff_number', classification: 'restricted' },
      { field: 'station readings.observer.home.postcode', classification: 'pii' },
      { field: 'station readings.present_weather[].reported_by', classification: 'confidential' },
    ]);
  });
});
