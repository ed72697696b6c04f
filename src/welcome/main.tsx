// First: the browser's catalogs are in place before any module below reads a message.
import '../shared/browser';
import { render } from 'preact';
import '../ui/base.css';
import '../options/options.css';
import './welcome.css';
import { t } from '../core/i18n';
import { Welcome } from './Welcome';

// The page speaks the language its text is in (English when the browser's is not translated).
document.documentElement.lang = t('lang');
document.title = t('welcomeTitle');
render(<Welcome />, document.getElementById('app')!);
