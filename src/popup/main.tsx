import { render } from 'preact';
import '../ui/base.css';
import './popup.css';
import { t } from '../shared/i18n';
import { Popup } from './Popup';

// The page speaks the language its text is in (English when the browser's is not translated).
document.documentElement.lang = t('lang');
document.title = t('extName');
render(<Popup />, document.getElementById('app')!);
