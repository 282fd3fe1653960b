import { View, Text, Button } from '@tarojs/components'
import { Component, type ReactNode } from 'react'
import { translate } from '@/i18n'
import { reportFault } from '@/services/faults'
import { nav } from '@/services/nav'
import { sessionStore } from '@/store/session'
import './index.css'

interface State {
  failed: boolean
  reference: string | null
}

/**
 * A page that throws while drawing shows this calm card instead of a white screen: what happened, the reference
 * the function logged the report under, and a way back to the group list.
 */
export default class FaultBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { failed: false, reference: null }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true }
  }

  componentDidCatch(error: unknown): void {
    void reportFault('render', error).then((reference) => this.setState({ reference }))
  }

  render(): ReactNode {
    if (!this.state.failed) return this.props.children
    const locale = sessionStore.getState().locale
    return (
      <View className='page fault' data-testid='fault'>
        <View className='card fault__card'>
          <Text className='fault__icon'>🧾</Text>
          <Text className='fault__title'>{translate(locale, 'fault.title')}</Text>
          <Text className='fault__body'>{translate(locale, 'fault.body')}</Text>
          {this.state.reference ? <Text className='muted fault__ref' data-testid='fault-ref'>{translate(locale, 'fault.ref', { id: this.state.reference })}</Text> : null}
          <Button className='btn btn--primary btn--block' onClick={() => void nav.home()} data-testid='fault-home'>
            {translate(locale, 'fault.back')}
          </Button>
        </View>
      </View>
    )
  }
}
