// The check suite the team ships (suite.fr.json), read through the same validation as an edited copy.
import { parseCheckSuite } from '../core/checks/suite-format';
import type { CheckSuite } from '../core/checks/types';
import shipped from './suite.fr.json';

/** A fresh copy of the shipped suite (callers may edit it). */
export function shippedSuite(): CheckSuite {
  return parseCheckSuite(structuredClone(shipped));
}
