// First: the browser's catalogs are in place before any module below reads a message (and the
// packaged ones, when the browser gives none, before the page is drawn: page-messages.ts).
import '../shared/browser';
import { messagesReady } from '../shared/page-messages';
import { render } from 'preact';
import '../ui/base.css';
import './popup.css';
import { t } from '../core/i18n';
import { Popup } from './Popup';

void messagesReady.then(() => {
  // The page speaks the language its text is in (English when the browser's is not translated).
  document.documentElement.lang = t('lang');
  document.title = t('extName');
  render(<Popup />, document.getElementById('app')!);
});
