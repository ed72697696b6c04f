// First: the browser's catalogs are in place before any module below reads a message.
import '../shared/browser';
import { render } from 'preact';
import '../ui/base.css';
import './popup.css';
import { t } from '../core/i18n';
import { Popup } from './Popup';

// The page speaks the language its text is in (English when the browser's is not translated).
document.documentElement.lang = t('lang');
document.title = t('extName');
render(<Popup />, document.getElementById('app')!);
