import { render } from 'solid-js/web';
import { App } from './ui/App';
import { createAppState } from './ui/state';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root saknas i index.html');
const state = createAppState();
render(() => <App state={state} />, root);
