import { mountApp } from './mountApp';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to mount Broadsheet into');
mountApp(container);
