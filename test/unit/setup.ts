// Unit tests read the English catalog the way the browser does, so messages are the real ones.
import { setMessageLookup } from '../../src/core/i18n';
import { readCatalog, resolveMessage } from './messages';

const english = readCatalog('en');
setMessageLookup((key, subs) => resolveMessage(english, key, subs));
