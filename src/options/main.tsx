import { render } from 'preact';
import '../ui/base.css';
import './options.css';
import { t } from '../shared/i18n';
import { Options } from './Options';

// The page speaks the language its text is in (English when the browser's is not translated).
document.documentElement.lang = t('lang');
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
